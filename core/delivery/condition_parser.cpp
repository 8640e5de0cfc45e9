#include "condition_parser.h"

#include "decimal_number.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::ConditionParser", text);
}

bool isReservedWord(const ConditionToken &token)
{
    for (const QStringView keyword : {u"and", u"or", u"not", u"in", u"contains", u"startswith",
                                      u"endswith", u"true", u"false", u"null"}) {
        if (token.isKeyword(keyword))
            return true;
    }
    return false;
}

std::optional<ComparisonOperator> keywordOperator(const ConditionToken &token)
{
    if (token.isKeyword(u"in"))
        return ComparisonOperator::In;
    if (token.isKeyword(u"contains"))
        return ComparisonOperator::Contains;
    if (token.isKeyword(u"startswith"))
        return ComparisonOperator::StartsWith;
    if (token.isKeyword(u"endswith"))
        return ComparisonOperator::EndsWith;
    return std::nullopt;
}

std::optional<ComparisonOperator> symbolOperator(const ConditionToken &token)
{
    if (token.kind != ConditionToken::Kind::Operator)
        return std::nullopt;
    if (token.text == u"=" || token.text == u"==")
        return ComparisonOperator::Equal;
    if (token.text == u"!=")
        return ComparisonOperator::NotEqual;
    if (token.text == u"<")
        return ComparisonOperator::Less;
    if (token.text == u"<=")
        return ComparisonOperator::LessOrEqual;
    if (token.text == u">")
        return ComparisonOperator::Greater;
    if (token.text == u">=")
        return ComparisonOperator::GreaterOrEqual;
    return std::nullopt;
}

bool isOr(const ConditionToken &token)
{
    return token.kind == ConditionToken::Kind::OrOr || token.isKeyword(u"or");
}

bool isAnd(const ConditionToken &token)
{
    return token.kind == ConditionToken::Kind::AndAnd || token.isKeyword(u"and");
}

ConditionNode negated(ConditionNode node)
{
    ConditionNode result;
    result.kind = ConditionNode::Kind::Not;
    result.children.push_back(std::move(node));
    return result;
}

} // namespace

ConditionParser::ConditionParser(QStringView text)
    : m_text(text)
{
    ConditionLexer lexer(text);
    for (;;) {
        std::optional<ConditionToken> token = lexer.next();
        if (!token) {
            m_lexError = lexer.error();
            ConditionToken stop;
            stop.offset = m_lexError->offset;
            m_tokens.append(stop);
            break;
        }
        const bool end = token->kind == ConditionToken::Kind::End;
        m_tokens.append(std::move(*token));
        if (end)
            break;
    }
}

const ConditionToken &ConditionParser::peek(qsizetype ahead) const
{
    return m_tokens[std::min(m_next + ahead, m_tokens.size() - 1)];
}

ConditionToken ConditionParser::take()
{
    const ConditionToken token = peek();
    if (m_next < m_tokens.size() - 1)
        ++m_next;
    return token;
}

bool ConditionParser::atEnd() const
{
    // After a lexer error the last token stands for the bad character, not the end.
    return peek().kind == ConditionToken::Kind::End && !m_lexError;
}

bool ConditionParser::failAt(const ConditionToken &token, const QString &message)
{
    if (!m_error) {
        // Lexing stopped at a bad character and left an End token there: its error is the
        // real one.
        if (m_lexError && token.kind == ConditionToken::Kind::End)
            m_error = m_lexError;
        else
            m_error = ConditionParseError::at(m_text, token.offset, token.length, message);
    }
    return false;
}

bool ConditionParser::failExpected(const QString &expected)
{
    return failAt(peek(), tr("expected %1, found %2").arg(expected, describe(peek())));
}

bool ConditionParser::expect(ConditionToken::Kind kind, const QString &expected)
{
    if (peek().kind != kind)
        return failExpected(expected);
    take();
    return true;
}

QString ConditionParser::describe(const ConditionToken &token) const
{
    if (token.kind == ConditionToken::Kind::End)
        return tr("the end of the condition");
    return u'\'' + m_text.sliced(token.offset, token.length).toString() + u'\'';
}

std::optional<ConditionNode> ConditionParser::parseCondition()
{
    if (atEnd())
        return std::nullopt;
    std::optional<ConditionNode> node = parseOr(0);
    if (node && !atEnd()) {
        failAt(peek(), tr("unexpected %1 after a complete condition (missing 'and' or 'or'?)")
                               .arg(describe(peek())));
        return std::nullopt;
    }
    return node;
}

std::optional<FieldPath> ConditionParser::parseFieldPath()
{
    std::optional<FieldPath> path = parsePath();
    if (path && !atEnd()) {
        failAt(peek(), tr("unexpected %1 after the field path").arg(describe(peek())));
        return std::nullopt;
    }
    return path;
}

std::optional<QList<FieldPath>> ConditionParser::parseFieldPathList()
{
    QList<FieldPath> paths;
    if (atEnd())
        return paths;
    for (;;) {
        std::optional<FieldPath> path = parsePath();
        if (!path)
            return std::nullopt;
        paths.append(std::move(*path));
        if (atEnd())
            return paths;
        if (!expect(ConditionToken::Kind::Comma, tr("',' between field paths")))
            return std::nullopt;
    }
}

std::optional<ConditionNode> ConditionParser::parseOr(int depth)
{
    return parseChain(ConditionNode::Kind::Or, isOr, &ConditionParser::parseAnd, depth);
}

std::optional<ConditionNode> ConditionParser::parseAnd(int depth)
{
    return parseChain(ConditionNode::Kind::And, isAnd, &ConditionParser::parseUnary, depth);
}

std::optional<ConditionNode> ConditionParser::parseChain(ConditionNode::Kind kind,
                                                         bool (*isJoiner)(const ConditionToken &),
                                                         Operand operand, int depth)
{
    std::optional<ConditionNode> first = (this->*operand)(depth);
    if (!first || !isJoiner(peek()))
        return first;
    ConditionNode node;
    node.kind = kind;
    node.children.push_back(std::move(*first));
    while (isJoiner(peek())) {
        take();
        std::optional<ConditionNode> next = (this->*operand)(depth);
        if (!next)
            return std::nullopt;
        node.children.push_back(std::move(*next));
    }
    return node;
}

std::optional<ConditionNode> ConditionParser::parseUnary(int depth)
{
    if (depth >= maxDepth) {
        failAt(peek(),
               tr("the condition is nested too deeply (more than %1 levels)").arg(maxDepth));
        return std::nullopt;
    }
    const ConditionToken &token = peek();
    if (token.kind == ConditionToken::Kind::Bang || token.isKeyword(u"not")) {
        take();
        std::optional<ConditionNode> child = parseUnary(depth + 1);
        if (!child)
            return std::nullopt;
        return negated(std::move(*child));
    }
    if (token.kind == ConditionToken::Kind::LeftParen) {
        const ConditionToken open = take();
        std::optional<ConditionNode> inner = parseOr(depth + 1);
        if (!inner)
            return std::nullopt;
        if (peek().kind != ConditionToken::Kind::RightParen) {
            failExpected(tr("')' to close the '(' at column %1")
                                 .arg(ConditionParseError::at(m_text, open.offset, 1, {}).column));
            return std::nullopt;
        }
        take();
        return inner;
    }
    if (token.isKeyword(u"changed") && peek(1).kind == ConditionToken::Kind::LeftParen) {
        const ConditionToken function = take();
        std::optional<FieldPath> path = parseFunctionArgument(function);
        if (!path)
            return std::nullopt;
        ConditionNode node;
        node.kind = ConditionNode::Kind::Changed;
        node.changedField = std::move(*path);
        return node;
    }
    return parseComparison();
}

std::optional<ConditionNode> ConditionParser::parseComparison()
{
    std::optional<ConditionOperand> left = parseOperand();
    if (!left)
        return std::nullopt;

    bool negate = false;
    if (peek().isKeyword(u"not") && keywordOperator(peek(1))) {
        take();
        negate = true;
    }
    std::optional<ComparisonOperator> op = keywordOperator(peek());
    if (!op && !negate)
        op = symbolOperator(peek());
    if (!op) {
        failExpected(tr("an operator (=, !=, <, <=, >, >=, contains, startswith, endswith, in) "
                        "after %1")
                             .arg(left->toString()));
        return std::nullopt;
    }
    take();

    ConditionNode node;
    node.kind = ConditionNode::Kind::Compare;
    node.op = *op;
    node.left = std::move(*left);
    if (*op == ComparisonOperator::In) {
        if (!expect(ConditionToken::Kind::LeftParen, tr("'(' to open the list after 'in'")))
            return std::nullopt;
        for (;;) {
            std::optional<ConditionOperand> item = parseOperand();
            if (!item)
                return std::nullopt;
            node.right.append(std::move(*item));
            if (peek().kind == ConditionToken::Kind::Comma) {
                take();
                continue;
            }
            if (!expect(ConditionToken::Kind::RightParen, tr("',' or ')' in the list of 'in'")))
                return std::nullopt;
            break;
        }
    } else {
        std::optional<ConditionOperand> right = parseOperand();
        if (!right)
            return std::nullopt;
        node.right.append(std::move(*right));
    }
    return negate ? negated(std::move(node)) : node;
}

std::optional<ConditionOperand> ConditionParser::parseOperand()
{
    const ConditionToken &token = peek();
    ConditionOperand operand;
    switch (token.kind) {
    case ConditionToken::Kind::String:
        operand.literal = FieldValue::string(take().text);
        return operand;
    case ConditionToken::Kind::Number:
        // The lexer only produces JSON-like numbers, which DecimalNumber reads exactly.
        operand.literal = FieldValue::number(take().text);
        return operand;
    case ConditionToken::Kind::Identifier:
        if (token.isKeyword(u"true") || token.isKeyword(u"false")) {
            operand.literal = FieldValue::boolean(take().isKeyword(u"true"));
            return operand;
        }
        if (token.isKeyword(u"null")) {
            take();
            operand.literal = FieldValue::null();
            return operand;
        }
        if (token.isKeyword(u"old") && peek(1).kind == ConditionToken::Kind::LeftParen) {
            const ConditionToken function = take();
            std::optional<FieldPath> path = parseFunctionArgument(function);
            if (!path)
                return std::nullopt;
            operand.kind = ConditionOperand::Kind::OldValue;
            operand.path = std::move(*path);
            return operand;
        }
        if (isReservedWord(token)) {
            failAt(token, tr("expected a field or a value, found the keyword %1 (quote a field "
                             "with this name: '%2')")
                                  .arg(describe(token), token.text));
            return std::nullopt;
        }
        break;
    case ConditionToken::Kind::QuotedField:
        break;
    default:
        failExpected(tr("a field or a value"));
        return std::nullopt;
    }
    std::optional<FieldPath> path = parsePath();
    if (!path)
        return std::nullopt;
    operand.kind = ConditionOperand::Kind::Field;
    operand.path = std::move(*path);
    return operand;
}

std::optional<FieldPath> ConditionParser::parseFunctionArgument(const ConditionToken &function)
{
    take(); // '('
    std::optional<FieldPath> path;
    if (peek().kind == ConditionToken::Kind::Identifier
        || peek().kind == ConditionToken::Kind::QuotedField)
        path = parsePath();
    else
        failExpected(tr("a field name inside %1()").arg(function.text.toLower()));
    if (!path)
        return std::nullopt;
    if (!expect(ConditionToken::Kind::RightParen,
                tr("')' to close %1(").arg(function.text.toLower())))
        return std::nullopt;
    return path;
}

std::optional<FieldPath> ConditionParser::parsePath()
{
    QList<FieldPath::Segment> segments;
    const auto takeName = [&]() {
        const ConditionToken &token = peek();
        if (token.kind != ConditionToken::Kind::Identifier
            && token.kind != ConditionToken::Kind::QuotedField)
            return failExpected(tr("a field name"));
        segments.append({FieldPath::Segment::Kind::Key, take().text, 0});
        return true;
    };
    if (!takeName())
        return std::nullopt;
    for (;;) {
        if (peek().kind == ConditionToken::Kind::Dot) {
            take();
            if (!takeName())
                return std::nullopt;
        } else if (peek().kind == ConditionToken::Kind::LeftBracket) {
            take();
            const ConditionToken &index = peek();
            bool ok = index.kind == ConditionToken::Kind::Number;
            const qsizetype value = ok ? index.text.toLongLong(&ok) : 0;
            if (!ok || value < 0 || !index.text.front().isDigit()) {
                failAt(index,
                       tr("expected an array index (0, 1, 2, …), found %1").arg(describe(index)));
                return std::nullopt;
            }
            take();
            if (!expect(ConditionToken::Kind::RightBracket, tr("']' after the array index")))
                return std::nullopt;
            segments.append({FieldPath::Segment::Kind::Index, QString(), value});
        } else {
            return FieldPath(std::move(segments));
        }
    }
}

} // namespace hookbench
