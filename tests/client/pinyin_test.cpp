// The Pinyin engine and the composition over it, without a keyboard: readings of common
// complaint words from Debian's dictionary, choosing a sentence in parts, backspace undoing a
// letter then a choice, space and enter, and nothing learned from one resident for the next.

#include "client/pinyin_composer.h"

#include <QTest>

using courtyard::client::PinyinComposer;
using courtyard::client::PinyinDecoder;

class PinyinTest : public QObject {
    Q_OBJECT
    PinyinDecoder& decoder() { return PinyinDecoder::shared(); }

    // Types the letters into a fresh composition.
    static void type(PinyinComposer& c, const char* letters) {
        for (const char* p = letters; *p; ++p)
            QVERIFY2(c.addLetter(*p), letters);
    }
    static int indexOf(const PinyinComposer& c, const QString& reading) { return int(c.candidates().indexOf(reading)); }

private slots:
    void initTestCase() { QVERIFY2(decoder().ready(), qPrintable(decoder().error())); }

    void commonWordsReadFirst_data() {
        QTest::addColumn<QByteArray>("letters");
        QTest::addColumn<QString>("first");
        QTest::newRow("the lift is broken") << QByteArray("diantihuaile") << QString("电梯坏了");
        QTest::newRow("no water") << QByteArray("tingshui") << QString("停水");
        QTest::newRow("property management") << QByteArray("wuye") << QString("物业");
        QTest::newRow("please repair it soon") << QByteArray("qingjinkuaixiuli") << QString("请尽快修理");
        QTest::newRow("an apostrophe splits xi'an from xian") << QByteArray("xi'an") << QString("西安");
    }
    void commonWordsReadFirst() {
        QFETCH(QByteArray, letters);
        QFETCH(QString, first);
        PinyinComposer c(decoder());
        type(c, letters.constData());
        QVERIFY(!c.candidates().isEmpty());
        QCOMPARE(c.candidates().first(), first);
    }

    void preeditShowsSyllables() {
        PinyinComposer c(decoder());
        type(c, "diantihuaile");
        QCOMPARE(c.preedit(), QString("dian'ti'huai'le"));
    }

    void aSentenceIsChosenInParts() {
        PinyinComposer c(decoder());
        type(c, "qingjinkuaixiuli");
        QCOMPARE(c.choose(indexOf(c, "请")), QString()); // letters still waiting
        QCOMPARE(c.preedit(), QString("请jin'kuai'xiu'li"));
        QVERIFY(indexOf(c, "尽快") >= 0);
        QCOMPARE(c.choose(indexOf(c, "尽快")), QString());
        QCOMPARE(c.preedit(), QString("请尽快xiu'li"));
        QCOMPARE(c.choose(indexOf(c, "修理")), QString("请尽快修理")); // every letter read: done
        QVERIFY(!c.composing());
        QVERIFY(c.candidates().isEmpty());
    }

    void backspaceUndoesALetterThenAChoice() {
        PinyinComposer c(decoder());
        type(c, "louxia");
        QCOMPARE(c.choose(indexOf(c, "楼")), QString());
        c.backspace();
        QCOMPARE(c.preedit(), QString("楼xi"));
        c.backspace();
        c.backspace();
        QCOMPARE(c.preedit(), QString("楼"));
        QVERIFY(c.candidates().isEmpty());
        c.backspace(); // no letters left: the choice goes, its letters wait again
        QCOMPARE(c.preedit(), QString("lou"));
        QCOMPARE(c.candidates().first(), QString("楼"));
        c.backspace();
        c.backspace();
        c.backspace();
        QVERIFY(!c.composing());
    }

    void spaceTakesTheBestReadingAndEnterTheLetters() {
        PinyinComposer c(decoder());
        type(c, "tingdian");
        QCOMPARE(c.finish(), QString("停电"));
        QVERIFY(!c.composing());
        type(c, "tingdian");
        QCOMPARE(c.asTyped(), QString("tingdian"));
        type(c, "louxia");
        QCOMPARE(c.choose(indexOf(c, "楼")), QString());
        QCOMPARE(c.asTyped(), QString("楼xia"));
    }

    void onlyPinyinLettersCompose() {
        PinyinComposer c(decoder());
        QVERIFY(!c.addLetter('A'));
        QVERIFY(!c.addLetter('3'));
        QVERIFY(!c.addLetter('\'')); // a split needs letters before it
        QVERIFY(!c.composing());
        for (int i = 0; i < PinyinComposer::kMaxLetters; ++i)
            QVERIFY(c.addLetter("shi"[i % 3]));
        QVERIFY(!c.addLetter('a')); // the spelling is full: choose part of it first
        QCOMPARE(c.preedit().remove('\'').size(), PinyinComposer::kMaxLetters);
    }

    // The engine would learn a phrase chosen in parts within one search; the composer searches
    // afresh after every choice, so nothing one resident puts together is offered to the next.
    void aPhraseChosenInPartsIsNotLearned() {
        PinyinComposer c(decoder());
        type(c, "shihao");
        const QStringList fresh = c.candidates();
        QVERIFY(!fresh.contains("事好")); // not a word: only learning would put it in the list
        QCOMPARE(c.choose(indexOf(c, "事")), QString());
        QCOMPARE(c.choose(indexOf(c, "好")), QString("事好"));
        type(c, "shihao");
        QCOMPARE(c.candidates(), fresh);
    }
};

QTEST_GUILESS_MAIN(PinyinTest)
#include "pinyin_test.moc"
