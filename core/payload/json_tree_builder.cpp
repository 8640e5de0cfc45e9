#include "json_tree_builder.h"

#include "json_tree_data.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstring>
#include <simdjson.h>
#include <string_view>

namespace hookbench {

namespace ondemand = simdjson::ondemand;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::JsonTree", text);
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmedToken(std::string_view token)
{
    while (!token.empty() && isJsonSpace(token.back()))
        token.remove_suffix(1);
    return token;
}

// RFC 8259 section 6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? . The tree keeps number text
// as written, so it checks the lexeme itself instead of converting (which would reject or round
// integers beyond 64 bits).
bool isJsonNumber(std::string_view text)
{
    std::size_t i = 0;
    const auto digit = [&](std::size_t at) {
        return at < text.size() && text[at] >= '0' && text[at] <= '9';
    };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (!digit(i))
        return false;
    if (text[i] == '0') {
        ++i;
    } else {
        while (digit(i))
            ++i;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == text.size();
}

QString reasonFor(simdjson::error_code code)
{
    switch (code) {
    case simdjson::UTF8_ERROR:
        return tr("invalid UTF-8");
    case simdjson::UNCLOSED_STRING:
        return tr("unterminated string");
    case simdjson::UNESCAPED_CHARS:
        return tr("control character in a string must be escaped");
    case simdjson::STRING_ERROR:
        return tr("invalid escape sequence in a string");
    case simdjson::T_ATOM_ERROR:
        return tr("invalid literal, expected true");
    case simdjson::F_ATOM_ERROR:
        return tr("invalid literal, expected false");
    case simdjson::N_ATOM_ERROR:
        return tr("invalid literal, expected null");
    case simdjson::NUMBER_ERROR:
        return tr("invalid number");
    case simdjson::DEPTH_ERROR:
        return tr("nesting too deep");
    case simdjson::EMPTY:
        return tr("empty document");
    case simdjson::TRAILING_CONTENT:
        return tr("unexpected content after the document");
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return tr("the document ends inside an object or array");
    case simdjson::CAPACITY:
        return tr("document too large");
    case simdjson::MEMALLOC:
        return tr("out of memory");
    case simdjson::TAPE_ERROR:
    case simdjson::INCORRECT_TYPE:
    default:
        return tr("unexpected character");
    }
}

// Stage 1 of simdjson reports some errors for the whole document without a position. These
// scans find the position of exactly those lexical errors; they do not parse JSON.
qsizetype firstInvalidUtf8(QByteArrayView text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        int length = 0;
        unsigned minimum = 0;
        unsigned codePoint = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xe0) == 0xc0) {
            length = 2, minimum = 0x80, codePoint = lead & 0x1f;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3, minimum = 0x800, codePoint = lead & 0x0f;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4, minimum = 0x10000, codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xc0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
        }
        if (codePoint < minimum || codePoint > 0x10ffff
            || (codePoint >= 0xd800 && codePoint <= 0xdfff))
            return i;
        i += length;
    }
    return -1;
}

struct StringScan
{
    qsizetype unclosedQuote = -1;
    qsizetype controlCharacter = -1;
};

StringScan scanStrings(QByteArrayView text)
{
    StringScan scan;
    bool inString = false;
    qsizetype quote = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!inString) {
            if (c == '"') {
                inString = true;
                quote = i;
            }
            continue;
        }
        if (c == '\\') {
            ++i;
        } else if (c == '"') {
            inString = false;
        } else if (static_cast<unsigned char>(c) < 0x20 && scan.controlCharacter < 0) {
            scan.controlCharacter = i;
        }
    }
    if (inString)
        scan.unclosedQuote = quote;
    return scan;
}

qsizetype locateLexicalError(simdjson::error_code code, QByteArrayView text);

// Bracket balance outside strings: where the top-level value closes, or -1 if it never does.
qsizetype topLevelEnd(QByteArrayView text)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0)
                return i + 1;
        }
    }
    return -1;
}

struct Stage1Location
{
    qsizetype offset;
    simdjson::error_code code;
};

Stage1Location locateStage1Error(simdjson::error_code code, QByteArrayView text)
{
    if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
        // simdjson 3.0 reports both "[1,2" and "{} x" this way: tell them apart.
        const qsizetype end = topLevelEnd(text);
        if (end < 0)
            return {text.size(), code};
        qsizetype next = end;
        while (next < text.size() && isJsonSpace(text[next]))
            ++next;
        return {next, next < text.size() ? simdjson::TRAILING_CONTENT : simdjson::TAPE_ERROR};
    }
    return {locateLexicalError(code, text), code};
}

qsizetype locateLexicalError(simdjson::error_code code, QByteArrayView text)
{
    switch (code) {
    case simdjson::UTF8_ERROR:
        return std::max<qsizetype>(firstInvalidUtf8(text), 0);
    case simdjson::UNCLOSED_STRING:
        return std::max<qsizetype>(scanStrings(text).unclosedQuote, 0);
    case simdjson::UNESCAPED_CHARS:
        return std::max<qsizetype>(scanStrings(text).controlCharacter, 0);
    default: {
        // EMPTY and friends: point at the first non-space byte, or the end.
        qsizetype i = 0;
        while (i < text.size() && isJsonSpace(text[i]))
            ++i;
        return i;
    }
    }
}

JsonSyntaxError makeError(QByteArrayView text, qsizetype offset, QString reason)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    JsonSyntaxError error;
    error.offset = offset;
    error.reason = std::move(reason);
    const QByteArrayView before = text.first(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    error.line = 1 + int(before.count('\n'));
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80)
            ++column;
    }
    error.column = column;
    return error;
}

class Walker
{
public:
    Walker(JsonTree::Data &data, const char *base, int maxDepth)
        : m_data(data)
        , m_base(base)
        , m_maxDepth(maxDepth)
    {}

    // Where the failure happened when simdjson could not say.
    const char *failurePoint() const { return m_failurePoint; }
    // Where a scalar root's token ends (null for a container root).
    const char *rootScalarEnd() const { return m_rootScalarEnd; }
    simdjson::error_code failure() const { return m_failure; }

    template<typename Value>
    bool walk(Value &value, quint32 parent, int depth, const JsonTree::Data::Node &keyed)
    {
        const std::string_view token = tokenOf(value);
        ondemand::json_type type;
        if (auto error = value.type().get(type))
            return fail(error, token.data());

        JsonTree::Data::Node node = keyed;
        node.parent = parent;
        const auto index = quint32(m_data.nodes.size());

        switch (type) {
        case ondemand::json_type::object: {
            if (depth >= m_maxDepth)
                return fail(simdjson::DEPTH_ERROR, token.data());
            node.type = JsonNodeType::Object;
            m_data.nodes.push_back(node);
            ondemand::object object;
            if (auto error = value.get_object().get(object))
                return fail(error, token.data());
            quint32 count = 0;
            for (auto fieldResult : object) {
                ondemand::field field;
                if (auto error = std::move(fieldResult).get(field))
                    return fail(error, nullptr);
                JsonTree::Data::Node member;
                member.flags = JsonTree::Data::HasKey;
                if (!takeKey(field, member))
                    return false;
                ondemand::value child = field.value();
                if (!walk(child, index, depth + 1, member))
                    return false;
                ++count;
            }
            m_data.nodes[index].second = count;
            return true;
        }
        case ondemand::json_type::array: {
            if (depth >= m_maxDepth)
                return fail(simdjson::DEPTH_ERROR, token.data());
            node.type = JsonNodeType::Array;
            m_data.nodes.push_back(node);
            ondemand::array array;
            if (auto error = value.get_array().get(array))
                return fail(error, token.data());
            quint32 count = 0;
            for (auto elementResult : array) {
                ondemand::value element;
                if (auto error = std::move(elementResult).get(element))
                    return fail(error, nullptr);
                if (!walk(element, index, depth + 1, JsonTree::Data::Node{}))
                    return false;
                ++count;
            }
            m_data.nodes[index].second = count;
            return true;
        }
        case ondemand::json_type::string: {
            node.type = JsonNodeType::String;
            const std::string_view raw = trimmedToken(token);
            if (raw.size() < 2 || raw.back() != '"')
                return fail(simdjson::TAPE_ERROR, raw.data() + raw.size() - 1);
            const std::string_view inner = raw.substr(1, raw.size() - 2);
            if (inner.find('\\') == std::string_view::npos) {
                node.first = offsetOf(inner.data());
                node.second = quint32(inner.size());
            } else {
                std::string_view unescaped;
                if (auto error = value.get_string().get(unescaped))
                    return fail(error, raw.data());
                node.flags |= JsonTree::Data::TextInArena;
                node.first = appendToArena(unescaped);
                node.second = quint32(unescaped.size());
            }
            noteRootScalar(parent, raw);
            m_data.nodes.push_back(node);
            return true;
        }
        case ondemand::json_type::number: {
            node.type = JsonNodeType::Number;
            const std::string_view raw = trimmedToken(token);
            if (!isJsonNumber(raw))
                return fail(simdjson::NUMBER_ERROR, raw.data());
            node.first = offsetOf(raw.data());
            node.second = quint32(raw.size());
            noteRootScalar(parent, raw);
            m_data.nodes.push_back(node);
            return true;
        }
        case ondemand::json_type::boolean:
        case ondemand::json_type::null: {
            const std::string_view raw = trimmedToken(token);
            if (raw == "true" || raw == "false") {
                node.type = JsonNodeType::Boolean;
            } else if (raw == "null") {
                node.type = JsonNodeType::Null;
            } else {
                const auto code = raw.front() == 't'   ? simdjson::T_ATOM_ERROR
                                  : raw.front() == 'f' ? simdjson::F_ATOM_ERROR
                                                       : simdjson::N_ATOM_ERROR;
                return fail(code, raw.data());
            }
            node.first = offsetOf(raw.data());
            node.second = quint32(raw.size());
            noteRootScalar(parent, raw);
            m_data.nodes.push_back(node);
            return true;
        }
        }
        return fail(simdjson::TAPE_ERROR, token.data());
    }

private:
    static std::string_view tokenOf(ondemand::value &value) { return value.raw_json_token(); }
    static std::string_view tokenOf(ondemand::document &document)
    {
        std::string_view token;
        if (document.raw_json_token().get(token))
            return {};
        return token;
    }

    bool takeKey(ondemand::field &field, JsonTree::Data::Node &member)
    {
        // raw() points just past the opening quote; stage 1 guaranteed a closing quote exists.
        const char *start = field.key().raw();
        const char *end = start;
        bool escaped = false;
        while (*end != '"') {
            if (*end == '\\') {
                escaped = true;
                ++end;
            }
            ++end;
        }
        if (!escaped) {
            member.keyOffset = offsetOf(start);
            member.keyLength = quint32(end - start);
            return true;
        }
        std::string_view unescaped;
        if (auto error = field.unescaped_key().get(unescaped))
            return fail(error, start - 1);
        member.flags |= JsonTree::Data::KeyInArena;
        member.keyOffset = appendToArena(unescaped);
        member.keyLength = quint32(unescaped.size());
        return true;
    }

    void noteRootScalar(quint32 parent, std::string_view raw)
    {
        if (parent == JsonTree::NoNode)
            m_rootScalarEnd = raw.data() + raw.size();
    }

    quint32 offsetOf(const char *pointer) const { return quint32(pointer - m_base); }

    quint32 appendToArena(std::string_view text)
    {
        const auto offset = quint32(m_data.arena.size());
        m_data.arena.append(text.data(), qsizetype(text.size()));
        return offset;
    }

    bool fail(simdjson::error_code code, const char *where)
    {
        m_failure = code;
        m_failurePoint = where;
        return false;
    }

    JsonTree::Data &m_data;
    const char *m_base;
    int m_maxDepth;
    simdjson::error_code m_failure = simdjson::SUCCESS;
    const char *m_failurePoint = nullptr;
    const char *m_rootScalarEnd = nullptr;
};

// Lays out each container's children contiguously so the model can index rows in O(1).
void indexChildren(JsonTree::Data &data)
{
    const std::size_t count = data.nodes.size();
    data.children.assign(count > 0 ? count - 1 : 0, 0);
    quint32 slot = 0;
    for (auto &node : data.nodes) {
        if (node.type == JsonNodeType::Object || node.type == JsonNodeType::Array) {
            node.first = slot; // used as a fill cursor below, rewound afterwards
            slot += node.second;
        }
    }
    for (std::size_t index = 1; index < count; ++index) {
        auto &parent = data.nodes[data.nodes[index].parent];
        data.children[parent.first++] = quint32(index);
    }
    for (auto &node : data.nodes) {
        if (node.type == JsonNodeType::Object || node.type == JsonNodeType::Array)
            node.first -= node.second;
    }
}

void flagDuplicateKeys(JsonTree::Data &data)
{
    std::vector<std::pair<QByteArrayView, quint32>> keys;
    for (const auto &node : data.nodes) {
        if (node.type != JsonNodeType::Object || node.second < 2)
            continue;
        const quint32 *first = data.children.data() + node.first;
        const quint32 *last = first + node.second;
        // Small objects (the common case) compare pairwise without allocating.
        if (node.second <= 16) {
            for (const quint32 *a = first; a != last; ++a) {
                for (const quint32 *b = a + 1; b != last; ++b) {
                    if (data.keyOf(data.nodes[*a]) == data.keyOf(data.nodes[*b])) {
                        data.nodes[*a].flags |= JsonTree::Data::DuplicateKey;
                        data.nodes[*b].flags |= JsonTree::Data::DuplicateKey;
                    }
                }
            }
            continue;
        }
        keys.clear();
        for (const quint32 *child = first; child != last; ++child)
            keys.emplace_back(data.keyOf(data.nodes[*child]), *child);
        std::sort(keys.begin(), keys.end(), [](const auto &left, const auto &right) {
            return left.first.compare(right.first) < 0;
        });
        for (std::size_t i = 1; i < keys.size(); ++i) {
            if (keys[i].first == keys[i - 1].first) {
                data.nodes[keys[i].second].flags |= JsonTree::Data::DuplicateKey;
                data.nodes[keys[i - 1].second].flags |= JsonTree::Data::DuplicateKey;
            }
        }
    }
    data.duplicateKeys = std::count_if(data.nodes.begin(), data.nodes.end(), [](const auto &node) {
        return (node.flags & JsonTree::Data::DuplicateKey) != 0;
    });
}

// Small documents reuse one parser per thread (its buffers stay warm); big ones get their own so
// a 50 MB payload does not leave its buffers allocated for the life of the thread.
constexpr qsizetype ReusableParserLimit = 1024 * 1024;

} // namespace

qsizetype JsonTreeBuilder::requiredPadding()
{
    return simdjson::SIMDJSON_PADDING;
}

JsonParseResult JsonTreeBuilder::build(const QByteArray &json,
                                       const JsonTree::ParseOptions &options)
{
    JsonParseResult result;
    const QByteArrayView text(json);
    if (json.size() >= qsizetype(std::numeric_limits<quint32>::max())) {
        result.error = makeError(text, 0, reasonFor(simdjson::CAPACITY));
        return result;
    }

    // Reading in place needs SIMDJSON_PADDING readable bytes after the end; QByteArray's spare
    // capacity provides them without a copy (simdjson only reads them).
    simdjson::padded_string copy;
    const char *base = json.constData();
    if (json.capacity() - json.size() < qsizetype(simdjson::SIMDJSON_PADDING)) {
        copy = simdjson::padded_string(json.constData(), std::size_t(json.size()));
        base = copy.data();
    }
    const simdjson::padded_string_view input(base, std::size_t(json.size()),
                                             std::size_t(json.size()) + simdjson::SIMDJSON_PADDING);

    thread_local ondemand::parser reusableParser;
    ondemand::parser ownParser;
    ondemand::parser &parser = json.size() <= ReusableParserLimit ? reusableParser : ownParser;

    auto data = std::make_shared<JsonTree::Data>();
    data->source = json;
    // One node per 12 bytes is generous for real payloads. Over-reserving is free: the pages a
    // big reservation never touches are never resident, whereas shrink_to_fit or regrowth copies
    // the whole array (measured on a 50 MB file: peak RSS 185 MB with shrink_to_fit, 147 without).
    data->nodes.reserve(std::size_t(json.size() / 12 + 1));

    // simdjson's development checks assert on its own depth limit; keep it above ours.
    const int maxDepth = std::max(options.maxDepth, 1);
    const std::size_t parserDepth = std::size_t(maxDepth) + 2;
    if (parser.max_depth() < parserDepth || parser.capacity() < std::size_t(json.size())) {
        const std::size_t capacity = std::max(parser.capacity(), std::size_t(json.size()));
        if (auto error = parser.allocate(capacity, std::max(parser.max_depth(), parserDepth))) {
            result.error = makeError(text, 0, reasonFor(error));
            return result;
        }
    }

    ondemand::document document;
    if (auto error = parser.iterate(input).get(document)) {
        const Stage1Location location = locateStage1Error(error, text);
        result.error = makeError(text, location.offset, reasonFor(location.code));
        return result;
    }

    Walker walker(*data, base, maxDepth);
    bool ok = walker.walk(document, JsonTree::NoNode, 0, JsonTree::Data::Node{});
    simdjson::error_code failure = walker.failure();
    const char *where = walker.failurePoint();
    if (ok) {
        // simdjson 3.0 has no document::at_end(). A container root leaves the iterator after its
        // closing bracket; a scalar root was only peeked, so look past its token directly.
        if (!walker.rootScalarEnd()) {
            const char *next = nullptr;
            if (!document.current_location().get(next)) {
                ok = false;
                failure = simdjson::TRAILING_CONTENT;
                where = next;
            }
        } else {
            qsizetype end = walker.rootScalarEnd() - base;
            while (end < json.size() && isJsonSpace(json[end]))
                ++end;
            if (end < json.size()) {
                ok = false;
                failure = simdjson::TRAILING_CONTENT;
                where = base + end;
            }
        }
    }
    if (!ok && failure == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
        const Stage1Location location = locateStage1Error(failure, text);
        result.error = makeError(text, location.offset, reasonFor(location.code));
        return result;
    }
    if (!ok) {
        if (!where) {
            const char *location = nullptr;
            if (!document.current_location().get(location))
                where = location;
        }
        const qsizetype offset = where ? qsizetype(where - base) : json.size();
        if (offset >= json.size()
            && (failure == simdjson::TAPE_ERROR || failure == simdjson::INCORRECT_TYPE))
            failure = simdjson::INCOMPLETE_ARRAY_OR_OBJECT;
        // Stage 1 defers some lexical errors to the structure walk; prefer the precise one.
        const StringScan scan = scanStrings(text);
        if (scan.unclosedQuote >= 0 && scan.unclosedQuote <= offset)
            result.error
                    = makeError(text, scan.unclosedQuote, reasonFor(simdjson::UNCLOSED_STRING));
        else
            result.error = makeError(text, offset, reasonFor(failure));
        return result;
    }

    // The parser's structural index (4 bytes per token, 40 MB for a 50 MB file) is not needed
    // any more; freeing it before the child index is built lowers the peak by that much.
    document = {};
    ownParser = ondemand::parser{};
    indexChildren(*data);
    flagDuplicateKeys(*data);
    data->arena.squeeze();
    result.tree = JsonTree(std::move(data));
    return result;
}

} // namespace hookbench
