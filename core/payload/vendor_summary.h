#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hookbench {

// One labelled fact of a vendor summary. key is stable (for the CLI and tests), label is
// translated (for people).
struct SummaryFact
{
    QString key;
    QString label;
    QString value;
};

// A table of a vendor summary: Compass record fields, Rally changes, Foundries runs...
struct SummaryTable
{
    QString key;
    QString title;
    QStringList columns;
    QList<QStringList> rows;
};

// What a vendor profile makes of a payload: the event name, key facts, tables, and the problems
// found when the vendor documents a schema (DevLake) or a shape (Remedy).
struct VendorSummary
{
    QString vendor; // profile id, empty when no profile matched
    QString event;
    QList<SummaryFact> facts;
    QList<SummaryTable> tables;
    QStringList problems;

    // Adds the fact only when there is a value: absent fields are not facts.
    void addFact(const QString &key, const QString &label, const std::optional<QString> &value);
    std::optional<QString> fact(QStringView key) const;
    const SummaryTable *table(QStringView key) const;
    bool isEmpty() const { return vendor.isEmpty(); }
};

} // namespace hookbench
