#include "tls_certificate.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

template<typename T, void (*Free)(T *)>
using OpenSslPointer = std::unique_ptr<T, decltype([](T *pointer) { Free(pointer); })>;

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    OpenSslPointer<X509_EXTENSION, X509_EXTENSION_free> extension(
            X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// An ECDSA P-256 certificate valid for two years: short enough that browsers and curl accept it
// once trusted, long enough that a user is not surprised by an expiry.
std::optional<std::pair<QByteArray, QByteArray>> generate()
{
    OpenSslPointer<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
    OpenSslPointer<X509, X509_free> certificate(X509_new());
    if (!key || !certificate)
        return std::nullopt;
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return std::nullopt;
    serial[0] &= 0x7f; // a positive serial number, as RFC 5280 requires
    OpenSslPointer<BIGNUM, BN_free> serialNumber(BN_bin2bn(serial, sizeof serial, nullptr));
    BN_to_ASN1_INTEGER(serialNumber.get(), X509_get_serialNumber(certificate.get()));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 2L * 365 * 24 * 60 * 60);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Hookbench"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (!addExtension(certificate.get(), NID_subject_alt_name,
                      "DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1")
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")) {
        return std::nullopt;
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return std::nullopt;

    OpenSslPointer<BIO, BIO_free_all> certificateBio(BIO_new(BIO_s_mem()));
    OpenSslPointer<BIO, BIO_free_all> keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                   != 1) {
        return std::nullopt;
    }
    return std::pair(bioContents(certificateBio.get()), bioContents(keyBio.get()));
}

bool writeFile(const QString &path, const QByteArray &contents, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // Narrow the permissions before the secret is written, not after.
    file.setPermissions(permissions);
    return file.write(contents) == contents.size() && file.flush();
}

} // namespace

bool TlsCertificate::ensureSelfSigned(const QString &folder, QString *certificatePath,
                                      QString *keyPath, QString *error)
{
    const QDir dir(folder);
    *certificatePath = dir.filePath(u"hookbench-cert.pem"_s);
    *keyPath = dir.filePath(u"hookbench-key.pem"_s);
    if (QFile::exists(*certificatePath) && QFile::exists(*keyPath))
        return true;
    if (!QDir().mkpath(folder)) {
        *error = tr("Cannot create the folder %1 for the TLS certificate.").arg(folder);
        return false;
    }
    const auto pem = generate();
    if (!pem) {
        *error = tr("OpenSSL could not generate a self-signed certificate.");
        return false;
    }
    if (!writeFile(*keyPath, pem->second, QFile::ReadOwner | QFile::WriteOwner)
        || !writeFile(*certificatePath, pem->first,
                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)) {
        *error = tr("Cannot write the TLS certificate to %1.").arg(folder);
        return false;
    }
    return true;
}

std::optional<QSslConfiguration> TlsCertificate::load(const QString &certificatePath,
                                                      const QString &keyPath, QString *error)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the certificate %1: %2")
                         .arg(certificatePath, certificateFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
    if (chain.isEmpty()) {
        *error = tr("%1 holds no PEM certificate.").arg(certificatePath);
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the private key %1: %2").arg(keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa);
    if (key.isNull()) {
        *error = tr("%1 holds no PEM private key (RSA or EC) without a passphrase.").arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace hookbench
