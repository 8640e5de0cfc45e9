#include "endpoints/endpoint_dialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_EndpointDialog : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void editKeepsIdentityAndRoundTrips();

private:
    static QList<Endpoint> existing()
    {
        Endpoint github;
        github.id = 7;
        github.name = u"github"_s;
        github.path = u"/hooks/github"_s;
        return {github};
    }
};

void tst_EndpointDialog::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("problemContains"); // empty: valid
    QTest::newRow("valid") << u"stripe"_s << u"/hooks/stripe"_s
                           << u"Content-Type: application/json\nX-Test:1"_s << QString();
    QTest::newRow("path without slash")
            << u"stripe"_s << u"hooks/stripe/"_s << QString() << QString();
    QTest::newRow("no name") << u"  "_s << u"/a"_s << QString() << u"name"_s;
    QTest::newRow("no path") << u"stripe"_s << QString() << QString() << u"path"_s;
    QTest::newRow("query in path") << u"stripe"_s << u"/a?b=1"_s << QString() << u"?"_s;
    QTest::newRow("space in path") << u"stripe"_s << u"/a b"_s << QString() << u"spaces"_s;
    QTest::newRow("name taken, other case")
            << u"GitHub"_s << u"/other"_s << QString() << u"already called"_s;
    QTest::newRow("path taken once normalised")
            << u"other"_s << u"hooks/github/"_s << QString() << u"already belongs"_s;
    QTest::newRow("header without colon")
            << u"stripe"_s << u"/s"_s << u"X-Ok: 1\nbroken"_s << u"line 2"_s;
    QTest::newRow("header name not a token")
            << u"stripe"_s << u"/s"_s << u"Bad Name: 1"_s << u"line 1"_s;
    QTest::newRow("content-length refused")
            << u"stripe"_s << u"/s"_s << u"content-length: 3"_s << u"content-length"_s;
}

void tst_EndpointDialog::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, headers);
    QFETCH(QString, problemContains);
    EndpointDialog dialog(existing());
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(name);
    dialog.findChild<QLineEdit *>(u"path"_s)->setText(path);
    dialog.findChild<QPlainTextEdit *>(u"headers"_s)->setPlainText(headers);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (problemContains.isEmpty()) {
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
    } else {
        QVERIFY2(dialog.problem().contains(problemContains, Qt::CaseInsensitive),
                 qPrintable(dialog.problem()));
        QVERIFY(!ok->isEnabled());
    }
}

void tst_EndpointDialog::editKeepsIdentityAndRoundTrips()
{
    Endpoint endpoint = existing().constFirst();
    endpoint.createdAtMs = 1234;
    endpoint.response.status = 503;
    endpoint.response.headers = {{"Retry-After", "5"}, {"X-Trace", "abc"}};
    endpoint.response.body = QByteArrayLiteral("{\"down\": true}");
    endpoint.response.delayMs = 1500;
    EndpointDialog dialog(existing());
    dialog.setEndpoint(endpoint);
    // Its own name and path are not duplicates of itself.
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.endpoint(), endpoint);

    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"github-renamed"_s);
    dialog.findChild<QSpinBox *>(u"status"_s)->setValue(201);
    const Endpoint edited = dialog.endpoint();
    QCOMPARE(edited.id, endpoint.id);
    QCOMPARE(edited.name, u"github-renamed"_s);
    QCOMPARE(edited.response.status, 201);
    QCOMPARE(edited.response.headers, endpoint.response.headers);
}

QTEST_MAIN(tst_EndpointDialog)
#include "tst_endpoint_dialog.moc"
