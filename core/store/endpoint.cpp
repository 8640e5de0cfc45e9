#include "endpoint.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString Endpoint::normalizedPath(const QString &path)
{
    QString result = path.trimmed();
    if (!result.startsWith(u'/'))
        result.prepend(u'/');
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

bool Endpoint::matches(QByteArrayView requestPath) const
{
    const QByteArray prefix = path.toUtf8();
    if (prefix == "/")
        return true;
    if (!requestPath.startsWith(prefix))
        return false;
    // "/hooks/git" must not swallow "/hooks/github".
    return requestPath.size() == prefix.size() || requestPath.at(prefix.size()) == '/';
}

} // namespace hookbench
