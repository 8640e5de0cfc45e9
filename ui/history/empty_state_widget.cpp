#include "empty_state_widget.h"

#include "standard_icon.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
QString shellQuoted(const QString &text)
{
    return u"'"_s + QString(text).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

QLineEdit *makeCopyableLine(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setAccessibleName(accessibleName);
    edit->setMinimumWidth(200);
    return edit;
}
} // namespace

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Getting started"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);

    auto *box = new QWidget(this);
    box->setMaximumWidth(720);
    auto *grid = new QGridLayout(box);
    grid->setColumnStretch(0, 1);

    m_title = new QLabel(box);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    grid->addWidget(m_title, 0, 0, 1, 2);

    m_explanation = new QLabel(box);
    m_explanation->setWordWrap(true);
    grid->addWidget(m_explanation, 1, 0, 1, 2);

    const QIcon copyIcon = themeIconOrNone(u"edit-copy"_s);
    m_urlEdit = makeCopyableLine(box, tr("Receiver URL"));
    m_copyUrl = new QPushButton(copyIcon, tr("Copy &URL"), box);
    grid->addWidget(m_urlEdit, 2, 0);
    grid->addWidget(m_copyUrl, 2, 1);

    m_curlLabel = new QLabel(tr("Or try it now from a terminal:"), box);
    m_curlLabel->setWordWrap(true);
    grid->addWidget(m_curlLabel, 3, 0, 1, 2);
    // Wrapped rather than one scrolled line: the whole command is visible before it is copied.
    m_curlText = new QLabel(box);
    m_curlText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_curlText->setWordWrap(true);
    m_curlText->setTextFormat(Qt::PlainText);
    m_curlText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_curlText->setFrameShape(QFrame::StyledPanel);
    m_curlText->setBackgroundRole(QPalette::Base);
    m_curlText->setAutoFillBackground(true);
    m_curlText->setMargin(4);
    m_curlText->setAccessibleName(tr("Example curl command"));
    m_copyCurl = new QPushButton(copyIcon, tr("Copy &command"), box);
    grid->addWidget(m_curlText, 4, 0);
    grid->addWidget(m_copyCurl, 4, 1, Qt::AlignTop);

    m_feedback = new QLabel(box);
    m_feedback->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(m_feedback, 5, 0, 1, 2);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { copy(m_url.toString(), tr("URL copied to the clipboard.")); });
    connect(m_copyCurl, &QPushButton::clicked, this,
            [this] { copy(curlCommand(m_url), tr("Command copied to the clipboard.")); });
    setUrl({});
}

void EmptyStateWidget::setStoreFailure(const QString &error)
{
    m_storeFailure = error;
    setUrl(m_url, m_failure);
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::explanation() const
{
    return m_explanation->text();
}

void EmptyStateWidget::setUrl(const QUrl &url, const QString &failure)
{
    m_url = url;
    m_failure = failure;
    const bool listening = !url.isEmpty() && m_storeFailure.isEmpty();
    if (!m_storeFailure.isEmpty()) {
        m_title->setText(tr("The database cannot be opened"));
        m_explanation->setText(tr("%1\n\nCheck that the file and its folder are readable and "
                                  "writable, or open another file with --db.")
                                       .arg(m_storeFailure));
    } else if (listening) {
        m_title->setText(tr("Waiting for the first webhook"));
        m_explanation->setText(tr("Point any webhook sender at this URL; every request appears "
                                  "here the moment it arrives, stored exactly as it was sent."));
    } else if (!failure.isEmpty()) {
        m_title->setText(tr("The receiver could not start"));
        m_explanation->setText(
                tr("%1\n\nCheck the receiver settings, then press Start.").arg(failure));
    } else {
        m_title->setText(tr("The receiver is not running"));
        m_explanation->setText(tr("Start it with the Start button in the toolbar. Deliveries "
                                  "already stored will appear here."));
    }
    m_urlEdit->setText(url.toString());
    m_urlEdit->setCursorPosition(0);
    m_curlText->setText(curlCommand(url));
    for (QWidget *widget : {static_cast<QWidget *>(m_urlEdit), static_cast<QWidget *>(m_copyUrl),
                            static_cast<QWidget *>(m_curlLabel), static_cast<QWidget *>(m_curlText),
                            static_cast<QWidget *>(m_copyCurl)}) {
        widget->setVisible(listening);
    }
    m_feedback->clear();
}

QString EmptyStateWidget::curlCommand(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QUrl target = url;
    if (target.path().isEmpty() || target.path() == u"/"_s)
        target.setPath(u"/hello"_s);
    QStringList arguments{u"curl"_s};
    // A self-signed certificate is the point of the local HTTPS mode; curl would refuse it.
    if (target.scheme() == u"https"_s)
        arguments << u"-k"_s;
    arguments << shellQuoted(target.toString()) << u"-H"_s
              << shellQuoted(u"Content-Type: application/json"_s) << u"-d"_s
              << shellQuoted(u"{\"hello\": \"world\"}"_s);
    return arguments.join(u' ');
}

void EmptyStateWidget::copy(const QString &text, const QString &confirmation)
{
    QApplication::clipboard()->setText(text);
    m_feedback->setText(confirmation);
    QTimer::singleShot(3000, m_feedback, &QLabel::clear);
}

} // namespace hookbench
