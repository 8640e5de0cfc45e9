#pragma once

#include <QByteArray>
#include <optional>

namespace hookbench::test {

// Sets or clears an environment variable for one scope.
class EnvironmentOverride
{
public:
    EnvironmentOverride(const char *name, std::optional<QByteArray> value)
        : m_name(name)
        , m_saved(qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt)
    {
        set(value);
    }
    ~EnvironmentOverride() { set(m_saved); }
    EnvironmentOverride(const EnvironmentOverride &) = delete;
    EnvironmentOverride &operator=(const EnvironmentOverride &) = delete;

private:
    void set(const std::optional<QByteArray> &value)
    {
        if (value)
            qputenv(m_name, *value);
        else
            qunsetenv(m_name);
    }

    const char *m_name;
    std::optional<QByteArray> m_saved;
};

} // namespace hookbench::test
