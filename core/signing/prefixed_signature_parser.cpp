#include "prefixed_signature_parser.h"

namespace hookbench {

namespace {
bool isSeparator(char c)
{
    return c == ',' || c == ' ' || c == '\t';
}

QList<QByteArray> tokens(const QByteArray &value, bool split)
{
    QList<QByteArray> result;
    if (!split) {
        const QByteArray trimmed = value.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
        return result;
    }
    qsizetype start = 0;
    for (qsizetype index = 0; index <= value.size(); ++index) {
        if (index == value.size() || isSeparator(value.at(index))) {
            if (index > start)
                result.append(value.sliced(start, index - start));
            start = index + 1;
        }
    }
    return result;
}
} // namespace

std::variant<QList<QByteArray>, QString>
PrefixedSignatureParser::parse(const QList<QByteArray> &values, QByteArrayView prefix)
{
    // A prefix such as "v1," contains a separator itself; then a value is one signature.
    const bool split = !prefix.contains(',') && !prefix.contains(' ');
    QList<QByteArray> signatures;
    QList<QByteArray> foreign;
    for (const QByteArray &value : values) {
        for (const QByteArray &token : tokens(value, split)) {
            if (prefix.isEmpty()) {
                signatures.append(token);
            } else if (token.size() >= prefix.size()
                       && QByteArrayView(token)
                                          .first(prefix.size())
                                          .compare(prefix, Qt::CaseInsensitive)
                                  == 0) {
                const QByteArray signature = token.sliced(prefix.size()).trimmed();
                if (signature.isEmpty())
                    return tr("Nothing follows the prefix \"%1\".")
                            .arg(QString::fromLatin1(prefix));
                signatures.append(signature);
            } else {
                foreign.append(token);
            }
        }
    }
    if (!signatures.isEmpty())
        return signatures;
    if (foreign.isEmpty())
        return tr("The header is empty.");
    return tr("No value starts with the expected prefix \"%1\" (found \"%2\").")
            .arg(QString::fromLatin1(prefix), QString::fromLatin1(foreign.first().left(40)));
}

} // namespace hookbench
