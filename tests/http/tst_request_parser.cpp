#include "http/request_parser.h"

#include <QTest>

using namespace hookbench;

class tst_RequestParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidRequests_data();
    void parsesValidRequests();
    void keepsHeaderOrderCaseAndDuplicates();
    void decodesChunkedBodies();
    void splitsPipelinedRequests();
    void acceptsBytesOneAtATime();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void enforcesLimits();
    void reportsExpectContinue();
    void keepsTheFirstBytesOfAFailedMessage();
    void tracksPartialMessages();
};

void tst_RequestParser::parsesValidRequests_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("get") << QByteArray("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n")
                         << QByteArray("GET") << QByteArray("/a?b=c") << QByteArray() << true;
    QTest::newRow("post json") << QByteArray("POST /hooks/github HTTP/1.1\r\nHost: x\r\n"
                                             "Content-Type: application/json\r\n"
                                             "Content-Length: 11\r\n\r\n{\"a\":[1,2]}")
                               << QByteArray("POST") << QByteArray("/hooks/github")
                               << QByteArray("{\"a\":[1,2]}") << true;
    QTest::newRow("http/1.0 closes")
            << QByteArray("POST /x HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi") << QByteArray("POST")
            << QByteArray("/x") << QByteArray("hi") << false;
    QTest::newRow("connection close")
            << QByteArray("DELETE /x HTTP/1.1\r\nHost: x\r\n"
                          "Connection: close\r\n\r\n")
            << QByteArray("DELETE") << QByteArray("/x") << QByteArray() << false;
    QTest::newRow("binary body") << QByteArray("PUT /bin HTTP/1.1\r\nContent-Length: 4\r\n\r\n"
                                               "\x00\xff\r\n",
                                               44)
                                 << QByteArray("PUT") << QByteArray("/bin")
                                 << QByteArray("\x00\xff\r\n", 4) << true;
}

void tst_RequestParser::parsesValidRequests()
{
    QFETCH(QByteArray, wire);
    RequestParser parser;
    parser.feed(wire);
    QCOMPARE(parser.error(), ParseError::None);
    QVERIFY(parser.hasRequest());
    const HttpRequest request = parser.takeRequest();
    QTEST(request.method, "method");
    QTEST(request.target, "target");
    QTEST(request.body, "body");
    QTEST(request.keepAlive, "keepAlive");
    QVERIFY(!parser.hasRequest());
    QVERIFY(!parser.hasPartialMessage());
}

void tst_RequestParser::keepsHeaderOrderCaseAndDuplicates()
{
    RequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nx-lower: 1\r\nX-UPPER: 2\r\nX-Dup: a\r\nx-dup: b\r\n"
                "Content-Length: 0\r\n\r\n");
    QVERIFY(parser.hasRequest());
    const HeaderList headers = parser.takeRequest().headers;
    const HeaderList expected{{"x-lower", "1"},
                              {"X-UPPER", "2"},
                              {"X-Dup", "a"},
                              {"x-dup", "b"},
                              {"Content-Length", "0"}};
    QCOMPARE(headers, expected);
}

void tst_RequestParser::decodesChunkedBodies()
{
    RequestParser parser;
    parser.feed("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
    QCOMPARE(parser.error(), ParseError::None);
    QVERIFY(parser.hasRequest());
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.body, QByteArray("hello, world"));
    QCOMPARE(request.headers.value("transfer-encoding").value(), QByteArray("chunked"));
}

void tst_RequestParser::splitsPipelinedRequests()
{
    RequestParser parser;
    parser.feed("POST /1 HTTP/1.1\r\nContent-Length: 1\r\n\r\naPOST /2 HTTP/1.1\r\n"
                "Content-Length: 2\r\n\r\nbbGET /3 HTTP/1.1\r\n\r\nGET /4 HT");
    QList<QByteArray> targets;
    while (parser.hasRequest())
        targets.append(parser.takeRequest().target);
    QCOMPARE(targets, (QList<QByteArray>{"/1", "/2", "/3"}));
    QVERIFY(parser.hasPartialMessage());
    parser.feed("TP/1.1\r\n\r\n");
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().target, QByteArray("/4"));
}

void tst_RequestParser::acceptsBytesOneAtATime()
{
    const QByteArray wire = "POST /slow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "3\r\nabc\r\n0\r\n\r\n";
    RequestParser parser;
    for (const char byte : wire)
        parser.feed(QByteArrayView(&byte, 1));
    QCOMPARE(parser.error(), ParseError::None);
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().body, QByteArray("abc"));
}

void tst_RequestParser::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n")
                             << ParseError::Malformed << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << ParseError::Malformed << 400;
    QTest::newRow("space in header name")
            << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n") << ParseError::Malformed << 400;
    QTest::newRow("bad content-length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << ParseError::Malformed
            << 400;
    QTest::newRow("two content-lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << ParseError::Malformed << 400;
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked"
                                                  "\r\n\r\nzz\r\n")
                                    << ParseError::Malformed << 400;
    QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n")
                              << ParseError::UnsupportedVersion << 505;
    QTest::newRow("http/0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n")
                              << ParseError::UnsupportedVersion << 505;
    QTest::newRow("http/3.1") << QByteArray("GET / HTTP/3.1\r\n\r\n")
                              << ParseError::UnsupportedVersion << 505;
}

void tst_RequestParser::rejectsMalformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(ParseError, error);
    QFETCH(int, status);
    RequestParser parser;
    parser.feed(wire);
    QVERIFY(!parser.hasRequest());
    QCOMPARE(parser.error(), error);
    QCOMPARE(statusForParseError(parser.error()), status);
    QVERIFY(!parser.errorString().isEmpty());
    // Nothing more is read from a connection that cannot be resynchronised.
    parser.feed("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(!parser.hasRequest());
}

void tst_RequestParser::enforcesLimits()
{
    {
        RequestParser parser({1024, 1024 * 1024});
        parser.feed(QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'a') + "\r\n\r\n"));
        QCOMPARE(parser.error(), ParseError::HeaderTooLarge);
        QCOMPARE(statusForParseError(parser.error()), 431);
    }
    {
        // An unterminated header must not grow without bound either.
        RequestParser parser({1024, 1024 * 1024});
        parser.feed("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 100 && parser.error() == ParseError::None; ++i)
            parser.feed(QByteArray("X-Header-" + QByteArray::number(i) + ": " + QByteArray(50, 'v')
                                   + "\r\n"));
        QCOMPARE(parser.error(), ParseError::HeaderTooLarge);
    }
    {
        RequestParser parser({64 * 1024, 10});
        parser.feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
        QCOMPARE(parser.error(), ParseError::BodyTooLarge);
        QCOMPARE(statusForParseError(parser.error()), 413);
    }
    {
        RequestParser parser({64 * 1024, 10});
        parser.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n");
        QCOMPARE(parser.error(), ParseError::None);
        parser.feed("8\r\n12345678\r\n0\r\n\r\n");
        QCOMPARE(parser.error(), ParseError::BodyTooLarge);
    }
    {
        RequestParser parser({64 * 1024, 10});
        parser.feed("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789");
        QCOMPARE(parser.error(), ParseError::None);
        QVERIFY(parser.hasRequest());
    }
}

void tst_RequestParser::reportsExpectContinue()
{
    RequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QVERIFY(parser.takeContinueRequest());
    QVERIFY(!parser.takeContinueRequest());
    parser.feed("abc");
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().body, QByteArray("abc"));

    // With the body already there, no interim answer is needed.
    parser.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx");
    QVERIFY(!parser.takeContinueRequest());
    QVERIFY(parser.hasRequest());
}

void tst_RequestParser::keepsTheFirstBytesOfAFailedMessage()
{
    RequestParser parser;
    parser.feed("GET /ok HTTP/1.1\r\n\r\n");
    parser.feed("POST /hooks/x HTTP/1.1\r\nContent-Length: nope\r\n\r\nbody");
    QVERIFY(parser.hasRequest());
    QCOMPARE(parser.takeRequest().target, QByteArray("/ok"));
    QCOMPARE(parser.error(), ParseError::Malformed);
    QVERIFY(parser.messagePrefix().startsWith("POST /hooks/x HTTP/1.1\r\nContent-Length: nope"));
    QCOMPARE(parser.messageMethod(), QByteArray("POST"));
    QCOMPARE(parser.messageTarget(), QByteArray("/hooks/x"));
}

void tst_RequestParser::tracksPartialMessages()
{
    RequestParser parser;
    QVERIFY(!parser.hasPartialMessage());
    parser.feed("POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\n12");
    QVERIFY(parser.hasPartialMessage());
    QCOMPARE(parser.messageTarget(), QByteArray("/p"));
    QVERIFY(parser.messagePrefix().endsWith("12"));
    parser.feed("34567890");
    QVERIFY(!parser.hasPartialMessage());
    QVERIFY(parser.hasRequest());
}

QTEST_GUILESS_MAIN(tst_RequestParser)
#include "tst_request_parser.moc"
