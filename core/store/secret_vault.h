#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace hookbench {

class Database;

// Where one secret is kept.
enum class SecretBackend {
    Database, // the secrets table of the owner-only (0600) database file
    Keychain, // the OS keychain (Secret Service / KWallet, macOS Keychain, Windows Credentials)
};

// A secret as it was read back, with where it came from.
struct StoredSecret
{
    QByteArray value;
    SecretBackend backend = SecretBackend::Database;
};

// The secrets of one database, kept in the OS keychain where one answers and in the database
// where none does. The secrets table records which backend holds each name, so a secret is
// always read back from where it was written, whatever the machine offers today. Calls may wait
// for the keychain (bounded by a timeout), so use it on a worker thread, never the GUI thread.
class SecretVault
{
    Q_DECLARE_TR_FUNCTIONS(SecretVault)

public:
    enum class Choice {
        Auto,     // the keychain when one answers, else the database
        Database, // always the database (tests, servers that want one self-contained file)
        Keychain, // always the keychain; storing fails when none answers
    };

    explicit SecretVault(Database &database, Choice choice = choiceFromEnvironment());

    // HOOKBENCH_SECRETS=database|keychain|auto; unset or unknown means auto.
    static Choice choiceFromEnvironment();
    static std::optional<Choice> choiceFromName(QStringView name);

    Choice choice() const { return m_choice; }
    // Where store() puts a secret now. For Auto this asks the keychain once per process.
    SecretBackend backend() const;
    // One sentence for the UI and the CLI, e.g. "Secrets are kept in the OS keychain."
    QString backendDescription() const { return describe(backend()); }
    QString describe(SecretBackend backend) const;

    // Replaces whatever `name` held, wherever it was. An empty secret removes it.
    bool store(const QString &name, const QByteArray &secret);
    // Nothing stored is nullopt with an empty errorString(); a secret that cannot be read
    // (its keychain does not answer) is nullopt with the reason in errorString().
    std::optional<StoredSecret> load(const QString &name) const;
    // Where `name` is kept, without reading the secret itself.
    std::optional<SecretBackend> location(const QString &name) const;
    // Removes `name` from the database and from the keychain.
    bool remove(const QString &name);

    QString errorString() const { return m_error; }

private:
    // The row of `name` as it is: a keychain-held secret has an empty value there.
    std::optional<StoredSecret> readRow(const QString &name) const;
    bool writeRow(const QString &name, const QByteArray &value, SecretBackend backend);
    QString keychainKey(const QString &name) const;
    std::optional<QString> vaultId(bool create) const;

    Database &m_database;
    Choice m_choice;
    mutable QString m_error;
};

} // namespace hookbench
