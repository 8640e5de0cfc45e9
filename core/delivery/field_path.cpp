#include "field_path.h"

#include "condition_lexer.h"
#include "condition_parser.h"

using namespace Qt::StringLiterals;

namespace hookbench {

FieldPath::FieldPath(QList<Segment> segments)
    : m_segments(std::move(segments))
{}

FieldPath FieldPath::fromKey(const QString &key)
{
    return FieldPath({Segment{Segment::Kind::Key, key, 0}});
}

FieldPathParseResult FieldPath::parse(QStringView text)
{
    ConditionParser parser(text);
    std::optional<FieldPath> path = parser.parseFieldPath();
    FieldPathParseResult result;
    if (parser.error())
        result.error = parser.error();
    else if (path)
        result.path = std::move(*path);
    return result;
}

FieldPath FieldPath::tail() const
{
    return m_segments.isEmpty() ? FieldPath() : FieldPath(m_segments.sliced(1));
}

bool FieldPath::isPlainIdentifier(QStringView key)
{
    if (key.isEmpty() || !ConditionLexer::isIdentifierStart(key.front()))
        return false;
    for (const QChar character : key) {
        if (!ConditionLexer::isIdentifierPart(character))
            return false;
    }
    for (const QStringView keyword :
         {u"and", u"or", u"not", u"in", u"contains", u"startswith", u"endswith", u"true", u"false",
          u"null", u"changed", u"old"}) {
        if (key.compare(keyword, Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

QString FieldPath::quoted(QStringView text, QChar quote)
{
    QString result(quote);
    for (const QChar character : text) {
        if (character == quote || character == u'\\')
            result.append(u'\\');
        if (character == u'\n')
            result.append(u"\\n"_s);
        else if (character == u'\t')
            result.append(u"\\t"_s);
        else
            result.append(character);
    }
    result.append(quote);
    return result;
}

QString FieldPath::toString() const
{
    QString text;
    for (const Segment &segment : m_segments) {
        if (segment.kind == Segment::Kind::Index) {
            text += u'[' + QString::number(segment.index) + u']';
            continue;
        }
        if (!text.isEmpty())
            text += u'.';
        text += isPlainIdentifier(segment.key) ? segment.key : quoted(segment.key, u'\'');
    }
    return text;
}

} // namespace hookbench
