#include "scheme_combo.h"

#include "signing/scheme_registry.h"

using namespace Qt::StringLiterals;

namespace hookbench {

SchemeCombo::SchemeCombo(NoneEntry none, QWidget *parent)
    : QComboBox(parent)
{
    if (none == NoneEntry::Shown) {
        addItem(tr("None (nothing is checked)"), QString());
        setItemData(0, tr("Requests are stored as \"not configured\"."), Qt::ToolTipRole);
    }
    for (const SignatureScheme *scheme : SchemeRegistry::instance().schemes()) {
        addItem(tr("%1 (%2)").arg(scheme->displayName(), scheme->id()), scheme->id());
        setItemData(count() - 1, scheme->recipe(scheme->defaultConfig()), Qt::ToolTipRole);
    }
    // The tooltip of the closed combo follows the selection, so the recipe is visible without
    // opening the list.
    connect(this, &QComboBox::currentIndexChanged, this,
            [this](int index) { setToolTip(itemData(index, Qt::ToolTipRole).toString()); });
    setToolTip(itemData(currentIndex(), Qt::ToolTipRole).toString());
}

QString SchemeCombo::schemeId() const
{
    return currentData().toString();
}

void SchemeCombo::setSchemeId(const QString &id)
{
    const int index = findData(id);
    setCurrentIndex(index >= 0 ? index : 0);
}

const SignatureScheme *SchemeCombo::scheme() const
{
    return SchemeRegistry::instance().scheme(schemeId());
}

} // namespace hookbench
