#include "payload_analyzer.h"

#include "charset_decoder.h"
#include "content_decoder.h"
#include "vendor_profile.h"
#include "vendor_registry.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::PayloadAnalyzer", text);
}

void fail(PayloadAnalysis &analysis, const QString &error)
{
    analysis.valid = false;
    if (analysis.error.isEmpty())
        analysis.error = error;
}

bool parseJson(PayloadAnalysis &analysis, int maxDepth)
{
    QByteArray utf8 = analysis.body;
    if (!CharsetDecoder::isUtf8Compatible(analysis.charset))
        utf8 = CharsetDecoder::decode(analysis.body, analysis.charset).text.toUtf8();
    JsonParseResult parsed = JsonTree::parse(utf8, JsonTree::ParseOptions{maxDepth});
    if (parsed.isValid()) {
        analysis.json = std::move(parsed.tree);
        analysis.jsonError.reset();
        return true;
    }
    analysis.jsonError = parsed.error;
    return false;
}

void reportJsonError(PayloadAnalysis &analysis)
{
    const JsonSyntaxError &error = *analysis.jsonError;
    fail(analysis, tr("invalid JSON at line %1, column %2: %3")
                           .arg(error.line)
                           .arg(error.column)
                           .arg(error.reason));
}

void parseMultipart(PayloadAnalysis &analysis)
{
    const std::optional<QByteArray> boundary
            = analysis.mediaType ? analysis.mediaType->boundary() : std::nullopt;
    MultipartParser::Result result
            = MultipartParser::parse(analysis.body, boundary.value_or(QByteArray()));
    analysis.parts = std::move(result.parts);
    if (result.status != MultipartParser::Status::Ok)
        fail(analysis, result.error);
}

void checkXml(PayloadAnalysis &analysis)
{
    QXmlStreamReader reader(analysis.body);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError()) {
        fail(analysis, tr("invalid XML at line %1, column %2: %3")
                               .arg(reader.lineNumber())
                               .arg(reader.columnNumber())
                               .arg(reader.errorString()));
    }
}

void checkText(PayloadAnalysis &analysis)
{
    const CharsetDecoder::Result decoded = CharsetDecoder::decode(analysis.body, analysis.charset);
    if (decoded.status == CharsetDecoder::Status::InvalidSequences)
        fail(analysis, tr("the body is not valid %1").arg(QString::fromLatin1(decoded.charset)));
    else if (decoded.status == CharsetDecoder::Status::UnsupportedCharset)
        fail(analysis, tr("unsupported charset \"%1\"").arg(QString::fromLatin1(analysis.charset)));
}

void classifyAndParse(PayloadAnalysis &analysis, int maxJsonDepth)
{
    if (analysis.body.isEmpty()) {
        analysis.kind = ContentKind::Empty;
        return;
    }
    std::optional<ContentKind> declared;
    if (analysis.mediaType)
        declared = ContentClassifier::fromMediaType(*analysis.mediaType);

    if (declared == ContentKind::Json) {
        analysis.kind = ContentKind::Json;
        if (!parseJson(analysis, maxJsonDepth))
            reportJsonError(analysis);
        return;
    }
    const ContentKind sniffed = ContentClassifier::sniff(analysis.body);
    if (sniffed == ContentKind::Json && ContentClassifier::shouldSniffJson(declared)) {
        if (parseJson(analysis, maxJsonDepth) || !declared) {
            analysis.kind = ContentKind::Json;
            analysis.kindSniffed = true;
            if (analysis.jsonError)
                reportJsonError(analysis);
            return;
        }
        analysis.jsonError.reset(); // it was only a guess; the declared type stands
    }
    analysis.kind = declared.value_or(sniffed);
    analysis.kindSniffed = !declared.has_value();
    switch (analysis.kind) {
    case ContentKind::Form:
        analysis.form = FormDecoder::decode(analysis.body, analysis.charset);
        break;
    case ContentKind::Multipart:
        parseMultipart(analysis);
        break;
    case ContentKind::Xml:
        checkXml(analysis);
        break;
    case ContentKind::Text:
        checkText(analysis);
        break;
    case ContentKind::Json:
    case ContentKind::Empty:
    case ContentKind::Binary:
        break;
    }
}

void recogniseVendor(PayloadAnalysis &analysis, const PayloadAnalyzer::Options &options)
{
    const VendorRegistry &registry = VendorRegistry::builtIn();
    const VendorProfile *profile = nullptr;
    if (!options.vendor.isEmpty())
        profile = registry.profile(options.vendor);
    else if (options.detectVendor)
        profile = registry.detect(analysis);
    if (!profile)
        return;
    analysis.summary = profile->summarize(analysis);
    analysis.vendor = profile->id();
    analysis.event = analysis.summary.event;
}

} // namespace

PayloadAnalysis PayloadAnalyzer::analyze(const HeaderList &headers, const QByteArray &body,
                                         const QByteArray &target, const Options &options)
{
    PayloadAnalysis analysis;
    analysis.headers = headers;
    analysis.target = target;
    analysis.contentType = headers.value("Content-Type").value_or(QByteArray());
    if (!analysis.contentType.isEmpty()) {
        analysis.mediaType = MediaType::parse(analysis.contentType);
        if (analysis.mediaType)
            analysis.charset = analysis.mediaType->charset().value_or(QByteArray());
    }

    ContentDecoder::Options decoding;
    decoding.maxDecodedSize = options.maxDecodedSize;
    decoding.padding = JsonTree::requiredPadding();
    ContentDecoder::Result decoded = ContentDecoder::decode(headers, body, decoding);
    analysis.encodings = decoded.encodings;
    analysis.body = std::move(decoded.body);
    if (decoded.status != ContentDecoder::Status::Ok) {
        // The bytes cannot be trusted as their declared type; show them as they are.
        fail(analysis, decoded.error);
        analysis.kind = analysis.body.isEmpty() ? ContentKind::Empty : ContentKind::Binary;
    } else {
        classifyAndParse(analysis, options.maxJsonDepth);
    }
    recogniseVendor(analysis, options);
    return analysis;
}

PayloadAnalysis PayloadAnalyzer::analyzePart(const MultipartPart &part, const Options &options)
{
    Options partOptions = options;
    partOptions.detectVendor = false;
    partOptions.vendor.clear();
    HeaderList headers = part.headers;
    if (!part.contentTypeDeclared)
        headers.append(QByteArrayLiteral("Content-Type"), part.contentType);
    return analyze(headers, part.body, {}, partOptions);
}

} // namespace hookbench
