#include "settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
constexpr qint64 mebibyte = 1024 * 1024;
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);

    auto *serverBox = new QGroupBox(tr("Receiver"), this);
    auto *form = new QFormLayout(serverBox);
    m_listen = new QLineEdit(serverBox);
    m_listen->setObjectName(u"listen"_s);
    m_listen->setPlaceholderText(u"127.0.0.1:8090"_s);
    m_listen->setToolTip(tr("Address and port to listen on. 0.0.0.0 accepts requests from "
                            "other machines; port 0 picks a free port."));
    form->addRow(tr("&Listen on:"), m_listen);

    m_tls = new QComboBox(serverBox);
    m_tls->setObjectName(u"tls"_s);
    m_tls->addItem(tr("Off (plain HTTP)"), QVariant::fromValue(TlsMode::Off));
    m_tls->addItem(tr("Self-signed certificate"), QVariant::fromValue(TlsMode::SelfSigned));
    m_tls->addItem(tr("My own certificate"), QVariant::fromValue(TlsMode::UserCertificate));
    form->addRow(tr("&HTTPS:"), m_tls);

    m_certificateRow = new QWidget(serverBox);
    auto *certificateForm = new QFormLayout(m_certificateRow);
    certificateForm->setContentsMargins(0, 0, 0, 0);
    // A row whose field is a layout gets no buddy by itself, so its mnemonic is set here.
    const auto fileRow = [this, certificateForm](const QString &label, QLineEdit *edit,
                                                 const QString &title) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto *button = new QPushButton(tr("Browse…"), m_certificateRow);
        button->setAccessibleName(title);
        row->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, edit, title] { browse(edit, title); });
        auto *rowLabel = new QLabel(label, m_certificateRow);
        rowLabel->setBuddy(edit);
        certificateForm->addRow(rowLabel, row);
    };
    m_certificate = new QLineEdit(m_certificateRow);
    m_certificate->setPlaceholderText(tr("PEM certificate chain"));
    fileRow(tr("&Certificate:"), m_certificate, tr("Choose the certificate file"));
    m_key = new QLineEdit(m_certificateRow);
    m_key->setPlaceholderText(tr("PEM private key"));
    fileRow(tr("&Key:"), m_key, tr("Choose the private key file"));
    form->addRow(m_certificateRow);

    m_maxBody = new QSpinBox(serverBox);
    m_maxBody->setRange(1, 4096);
    m_maxBody->setSuffix(tr(" MiB"));
    m_maxBody->setToolTip(tr("Larger requests are answered 413 and recorded as rejected."));
    form->addRow(tr("&Largest body:"), m_maxBody);

    m_readTimeout = new QSpinBox(serverBox);
    m_readTimeout->setRange(1, 3600);
    m_readTimeout->setSuffix(tr(" s"));
    m_readTimeout->setToolTip(tr("A client that sends nothing for this long is cut off."));
    form->addRow(tr("&Read timeout:"), m_readTimeout);

    m_unknownPaths = new QComboBox(serverBox);
    m_unknownPaths->addItem(tr("Capture them into the inbox"),
                            QVariant::fromValue(UnknownPathPolicy::CaptureToInbox));
    m_unknownPaths->addItem(tr("Answer 404 Not Found"),
                            QVariant::fromValue(UnknownPathPolicy::Reject404));
    m_unknownPaths->setToolTip(tr("What happens to requests no endpoint claims, once at least "
                                  "one endpoint exists."));
    form->addRow(tr("&Unknown paths:"), m_unknownPaths);
    layout->addWidget(serverBox);

    auto *lookBox = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(lookBox);
    m_theme = new QComboBox(lookBox);
    m_theme->addItem(tr("System"), QVariant::fromValue(AppTheme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(AppTheme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(AppTheme::Dark));
    lookForm->addRow(tr("&Theme:"), m_theme);
    layout->addWidget(lookBox);

    auto *note = new QLabel(tr("Changing the receiver settings restarts it."), this);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #e04f3f"_s);
    layout->addWidget(m_problem);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_listen, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_certificate, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_key, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    setSettings({}, UnknownPathPolicy::CaptureToInbox);
}

void SettingsDialog::setSettings(const AppSettings &settings, UnknownPathPolicy policy)
{
    m_settings = settings;
    const ReceiverConfig &receiver = settings.receiver;
    m_listen->setText(receiver.listenAddress());
    m_tls->setCurrentIndex(m_tls->findData(QVariant::fromValue(receiver.tls)));
    m_certificate->setText(receiver.certificatePath);
    m_key->setText(receiver.keyPath);
    m_maxBody->setValue(static_cast<int>(
            std::clamp<qint64>(receiver.maxBodyBytes / mebibyte, 1, m_maxBody->maximum())));
    m_readTimeout->setValue(std::clamp(receiver.readTimeoutMs / 1000, 1, m_readTimeout->maximum()));
    m_unknownPaths->setCurrentIndex(m_unknownPaths->findData(QVariant::fromValue(policy)));
    m_theme->setCurrentIndex(m_theme->findData(QVariant::fromValue(settings.theme)));
    validate();
}

AppSettings SettingsDialog::settings() const
{
    AppSettings result = m_settings;
    ReceiverConfig &receiver = result.receiver;
    receiver.setListenAddress(m_listen->text().trimmed());
    receiver.tls = m_tls->currentData().value<TlsMode>();
    receiver.certificatePath = m_certificate->text().trimmed();
    receiver.keyPath = m_key->text().trimmed();
    // Keep a limit that was not a whole number of MiB unless the user changed it.
    if (m_maxBody->value() != receiver.maxBodyBytes / mebibyte)
        receiver.maxBodyBytes = m_maxBody->value() * mebibyte;
    if (m_readTimeout->value() != receiver.readTimeoutMs / 1000)
        receiver.readTimeoutMs = m_readTimeout->value() * 1000;
    result.theme = m_theme->currentData().value<AppTheme>();
    return result;
}

UnknownPathPolicy SettingsDialog::unknownPathPolicy() const
{
    return m_unknownPaths->currentData().value<UnknownPathPolicy>();
}

QString SettingsDialog::problem() const
{
    const QString listen = m_listen->text().trimmed();
    if (listen.isEmpty())
        return tr("Enter an address and port, like 127.0.0.1:8090.");
    ReceiverConfig probe;
    QString error;
    if (!probe.setListenAddress(listen, &error))
        return error.isEmpty() ? tr("Enter an address and port, like 127.0.0.1:8090.") : error;
    if (m_tls->currentData().value<TlsMode>() == TlsMode::UserCertificate) {
        if (!QFileInfo(m_certificate->text().trimmed()).isFile())
            return tr("Choose the certificate file (PEM).");
        if (!QFileInfo(m_key->text().trimmed()).isFile())
            return tr("Choose the private key file (PEM).");
    }
    return {};
}

void SettingsDialog::validate()
{
    m_certificateRow->setVisible(m_tls->currentData().value<TlsMode>() == TlsMode::UserCertificate);
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void SettingsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString file = QFileDialog::getOpenFileName(
            this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        edit->setText(file);
}

} // namespace hookbench
