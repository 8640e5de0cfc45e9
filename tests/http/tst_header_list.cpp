#include "http/header_list.h"

#include <QTest>

using namespace hookbench;

class tst_HeaderList : public QObject
{
    Q_OBJECT

private slots:
    void lookupIsCaseInsensitiveAndKeepsOrder();
    void wireFormatRoundTrip();
    void setReplacesInPlace();
};

void tst_HeaderList::lookupIsCaseInsensitiveAndKeepsOrder()
{
    HeaderList headers;
    headers.append("X-Trace", "1");
    headers.append("content-type", "application/json");
    headers.append("x-trace", "2");
    QCOMPARE(headers.value("X-TRACE").value(), QByteArray("1"));
    QCOMPARE(headers.values("x-Trace"), (QList<QByteArray>{"1", "2"}));
    QVERIFY(!headers.value("missing").has_value());
    QCOMPARE(headers.fields().at(1).name, QByteArray("content-type"));
}

void tst_HeaderList::wireFormatRoundTrip()
{
    HeaderList headers{{"Host", "example"}, {"X-Dup", "a"}, {"x-dup", "b"}, {"Empty", ""}};
    const QByteArray wire = headers.toWireFormat();
    QCOMPARE(wire, QByteArray("Host: example\r\nX-Dup: a\r\nx-dup: b\r\nEmpty: \r\n"));
    QCOMPARE(HeaderList::fromWireFormat(wire), headers);
    QCOMPARE(HeaderList::fromWireFormat("A: 1\nB:2\n\nnot a header\n").size(), 2);
}

void tst_HeaderList::setReplacesInPlace()
{
    HeaderList headers{{"A", "1"}, {"B", "2"}};
    headers.set("a", "3");
    QCOMPARE(headers.fields().first(), (HeaderField{"A", "3"}));
    headers.set("C", "4");
    QCOMPARE(headers.size(), 3);
    headers.removeAll("b");
    QCOMPARE(headers.size(), 2);
}

QTEST_GUILESS_MAIN(tst_HeaderList)
#include "tst_header_list.moc"
