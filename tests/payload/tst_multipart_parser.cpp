#include "payload/multipart_parser.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;
using namespace hookbench::test;

class tst_MultipartParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void remedyCallback();
    void partLimit();
};

void tst_MultipartParser::parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<int>("status");
    // Per part: name|filename|content type|body
    QTest::addColumn<QStringList>("parts");

    const int ok = int(MultipartParser::Status::Ok);
    QTest::newRow("two fields, CRLF")
            << QByteArray("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                          "--xyz\r\nContent-Disposition: form-data; "
                          "name=\"b\"\r\n\r\ntwo\r\nlines\r\n--xyz--\r\n")
            << QByteArray("xyz") << ok
            << QStringList{u"a||text/plain|1"_s, u"b||text/plain|two\r\nlines"_s};
    QTest::newRow("bare LF") << QByteArray(
            "--xyz\nContent-Disposition: form-data; name=\"a\"\n\nv\n--xyz--\n")
                             << QByteArray("xyz") << ok << QStringList{u"a||text/plain|v"_s};
    QTest::newRow("preamble and epilogue")
            << QByteArray("ignore me\r\n--xyz\r\nContent-Disposition: form-data; "
                          "name=\"a\"\r\n\r\nv\r\n--xyz--\r\nepilogue")
            << QByteArray("xyz") << ok << QStringList{u"a||text/plain|v"_s};
    QTest::newRow("file with type")
            << QByteArrayLiteral(
                       "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
                       "Content-Type: application/octet-stream\r\n\r\n\x00\x01\r\n--b--")
            << QByteArray("b") << ok
            << QStringList{u"f|x.bin|application/octet-stream|"_s + QChar(0) + QChar(1)};
    QTest::newRow("empty body") << QByteArray(
            "--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n--b--")
                                << QByteArray("b") << ok << QStringList{u"e||text/plain|"_s};
    QTest::newRow("boundary-like line in body")
            << QByteArray(
                       "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--bee\r\n--b \r\n"
                       "Content-Disposition: form-data; name=\"c\"\r\n\r\nz\r\n--b--")
            << QByteArray("b") << ok << QStringList{u"a||text/plain|--bee"_s, u"c||text/plain|z"_s};
    QTest::newRow("filename* wins")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"; "
                          "filename*=UTF-8''%E2%82%AC.txt\r\n\r\nx\r\n--b--")
            << QByteArray("b") << ok << QStringList{u"f|\u20ac.txt|text/plain|x"_s};
    QTest::newRow("windows path kept")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"f\"; "
                          "filename=\"C:\\new\\a.txt\"\r\n\r\nx\r\n--b--")
            << QByteArray("b") << ok << QStringList{u"f|C:\\new\\a.txt|text/plain|x"_s};
    QTest::newRow("folded header") << QByteArray(
            "--b\r\nContent-Disposition: form-data;\r\n name=\"folded\"\r\n\r\nx\r\n--b--")
                                   << QByteArray("b") << ok
                                   << QStringList{u"folded||text/plain|x"_s};
    QTest::newRow("no close delimiter")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\npartial")
            << QByteArray("b") << int(MultipartParser::Status::MissingCloseDelimiter)
            << QStringList{u"a||text/plain|partial"_s};
    QTest::newRow("ends at delimiter")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b")
            << QByteArray("b") << int(MultipartParser::Status::MissingCloseDelimiter)
            << QStringList{u"a||text/plain|v"_s};
    QTest::newRow("only close") << QByteArray("--b--\r\n") << QByteArray("b") << ok
                                << QStringList{};
    QTest::newRow("no delimiter") << QByteArray("hello") << QByteArray("b")
                                  << int(MultipartParser::Status::NoParts) << QStringList{};
    QTest::newRow("no boundary") << QByteArray("--\r\n") << QByteArray()
                                 << int(MultipartParser::Status::NoBoundary) << QStringList{};
    QTest::newRow("headers never end")
            << QByteArray("--b\r\nContent-Type: text/plain") << QByteArray("b")
            << int(MultipartParser::Status::MalformedHeaders) << QStringList{};
}

void tst_MultipartParser::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, boundary);
    QFETCH(int, status);
    QFETCH(QStringList, parts);

    const MultipartParser::Result result = MultipartParser::parse(body, boundary);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.error.isEmpty(), status == int(MultipartParser::Status::Ok));
    QStringList actual;
    for (const MultipartPart &part : result.parts) {
        actual.append(QString::fromUtf8(part.name) + u'|' + part.filename + u'|'
                      + QString::fromUtf8(part.contentType) + u'|' + QString::fromUtf8(part.body));
        // offset points at the body inside the whole multipart body
        QCOMPARE(body.mid(part.offset, part.size()), part.body);
    }
    QCOMPARE(actual, parts);
}

void tst_MultipartParser::remedyCallback()
{
    const PayloadFixture fixture
            = loadPayloadFixture(QStringLiteral("remedy_multipart_attachments"));
    const MultipartParser::Result result
            = MultipartParser::parse(fixture.body, "W3NByNRZZYy4ALu6xeZzvWXU3NVmYUxoRB");
    QCOMPARE(result.status, MultipartParser::Status::Ok);
    QCOMPARE(result.parts.size(), 3);
    QCOMPARE(result.parts[0].name, QByteArray("entry"));
    QCOMPARE(result.parts[0].contentType, QByteArray("application/json; charset=UTF-8"));
    QVERIFY(!result.parts[0].isFile());
    // BMC's own example wraps Content-Disposition without indentation; the name must survive.
    QCOMPARE(result.parts[1].name, QByteArray("attach-Attachment1"));
    QCOMPARE(result.parts[1].filename, QStringLiteral("sample.png"));
    QVERIFY(result.parts[1].isFile());
    QCOMPARE(result.parts[1].headers.value("Content-Transfer-Encoding"), QByteArray("binary"));
    // The attachment holds CRLFs and a line that almost matches the boundary; bytes stay exact.
    QCOMPARE(result.parts[1].body, readPayloadData(QStringLiteral("remedy_attachment.png.bin")));
    QCOMPARE(result.parts[2].name, QByteArray("attach-WorkLog"));
    QCOMPARE(result.parts[2].body, QByteArray("router-7 went down at 03:12\r\nsecond line\r\n"));
}

void tst_MultipartParser::partLimit()
{
    QByteArray body;
    for (int i = 0; i < 5; ++i)
        body += "--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nx\r\n";
    body += "--b--";
    MultipartParser::Limits limits;
    limits.maxParts = 4;
    QCOMPARE(MultipartParser::parse(body, "b", limits).status,
             MultipartParser::Status::TooManyParts);
    limits.maxParts = 5;
    QCOMPARE(MultipartParser::parse(body, "b", limits).parts.size(), 5);
}

QTEST_GUILESS_MAIN(tst_MultipartParser)
#include "tst_multipart_parser.moc"
