#pragma once

#include "condition_lexer.h"
#include "condition_node.h"

#include <QList>
#include <optional>

namespace hookbench {

// Recursive descent over ConditionLexer tokens. Grammar, loosest first:
//   condition  := or
//   or         := and (("or" | "||") and)*
//   and        := unary (("and" | "&&") unary)*
//   unary      := ("not" | "!") unary | "(" or ")" | "changed" "(" path ")" | comparison
//   comparison := operand ["not"] op operand | operand ["not"] "in" "(" operand ("," operand)* ")"
//   operand    := path | "old" "(" path ")" | "string" | number | true | false | null
//   path       := name ("." name | "[" digits "]")*      name := identifier | 'quoted'
// Keywords are case-insensitive; "=" and "==" are the same operator.
class ConditionParser
{
public:
    // Deeper nesting is refused, so hostile input cannot exhaust the stack here or in the
    // evaluator and printer, which recurse over the same tree.
    static constexpr int maxDepth = 64;

    explicit ConditionParser(QStringView text);

    // The whole text as a condition; nullopt for an empty (blank) text, which is not an error.
    std::optional<ConditionNode> parseCondition();
    // The whole text as one field path.
    std::optional<FieldPath> parseFieldPath();
    // The whole text as comma-separated field paths; empty for a blank text.
    std::optional<QList<FieldPath>> parseFieldPathList();
    const std::optional<ConditionParseError> &error() const { return m_error; }

private:
    const ConditionToken &peek(qsizetype ahead = 0) const;
    ConditionToken take();
    bool failAt(const ConditionToken &token, const QString &message);
    bool failExpected(const QString &expected);
    bool expect(ConditionToken::Kind kind, const QString &expected);
    bool atEnd() const;

    using Operand = std::optional<ConditionNode> (ConditionParser::*)(int depth);
    // operand (joiner operand)*, as one n-ary node of kind when there is a joiner.
    std::optional<ConditionNode> parseChain(ConditionNode::Kind kind,
                                            bool (*isJoiner)(const ConditionToken &),
                                            Operand operand, int depth);
    std::optional<ConditionNode> parseOr(int depth);
    std::optional<ConditionNode> parseAnd(int depth);
    std::optional<ConditionNode> parseUnary(int depth);
    std::optional<ConditionNode> parseComparison();
    std::optional<ConditionOperand> parseOperand();
    std::optional<FieldPath> parsePath();
    std::optional<FieldPath> parseFunctionArgument(const ConditionToken &function);
    QString describe(const ConditionToken &token) const;

    QStringView m_text;
    QList<ConditionToken> m_tokens;
    qsizetype m_next = 0;
    // Set when lexing stopped early; reported when the parser reaches that point.
    std::optional<ConditionParseError> m_lexError;
    std::optional<ConditionParseError> m_error;
};

} // namespace hookbench
