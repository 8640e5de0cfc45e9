#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hookbench {

// What a new user sees instead of an empty table: where to send a webhook, and a curl command
// that does it, each with a Copy button.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    // The URL senders should use; empty while the receiver is not listening, with `failure`
    // saying why when it could not start.
    void setUrl(const QUrl &url, const QString &failure = {});
    QUrl url() const { return m_url; }
    // The database could not be opened: that, not the receiver, is then what the page explains,
    // since nothing can be stored or shown until it is fixed. Empty clears it.
    void setStoreFailure(const QString &error);
    QString title() const;
    QString explanation() const;

    static QString curlCommand(const QUrl &url);

private:
    void copy(const QString &text, const QString &confirmation);

    QUrl m_url;
    QString m_failure;
    QString m_storeFailure;
    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QPushButton *m_copyUrl = nullptr;
    QLabel *m_curlLabel = nullptr;
    QLabel *m_curlText = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QLabel *m_feedback = nullptr;
};

} // namespace hookbench
