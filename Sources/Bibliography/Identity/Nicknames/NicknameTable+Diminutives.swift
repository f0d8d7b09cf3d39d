// Written for Coauthor (not generated): common diminutives of Polish, Russian and Ukrainian
// (transliterated), Czech, German, Spanish and Italian given names, which the carltonnorthern table
// (English names only) lacks. Each pair is a full name and a diminutive in everyday use as a first
// name in bylines; spellings with and without the language's own letters (`ł`) where both appear.
// Add pairs here, in key form (lower case, accents folded by NameNormalizer.key; `ł` is kept).

extension NicknameTable {
  /// Hand-written pairs, `full diminutive`, one a line, read like ``pairsText``.
  static let diminutivesText = """
    tomasz tomek
    katarzyna kasia
    małgorzata gosia
    malgorzata gosia
    małgorzata małgosia
    malgorzata malgosia
    wojciech wojtek
    krzysztof krzysiek
    piotr piotrek
    aleksander olek
    aleksandra ola
    agnieszka aga
    magdalena magda
    jakub kuba
    bartłomiej bartek
    bartlomiej bartek
    grzegorz grzesiek
    józef józek
    jozef jozek
    stanisław staszek
    stanislaw staszek
    zbigniew zbyszek
    przemysław przemek
    przemyslaw przemek
    joanna asia
    barbara basia
    elżbieta ela
    elzbieta ela
    anna ania
    maria marysia
    aleksandr sasha
    alexandr sasha
    alexander sasha
    aleksey lyosha
    alexey lyosha
    aleksei lyosha
    dmitry dima
    dmitrii dima
    dmitriy dima
    mikhail misha
    vladimir volodya
    vladimir vova
    ivan vanya
    nikolai kolya
    nikolay kolya
    sergey seryozha
    sergei seryozha
    evgeny zhenya
    evgenii zhenya
    yevgeny zhenya
    ekaterina katya
    yekaterina katya
    anastasia nastya
    elena lena
    yelena lena
    natalia natasha
    natalya natasha
    tatiana tanya
    tatyana tanya
    maria masha
    olga olya
    svetlana sveta
    yulia yulya
    pavel pasha
    konstantin kostya
    vyacheslav slava
    yaroslav slava
    anatoly tolya
    grigory grisha
    boris borya
    jiri jirka
    jan honza
    josef pepa
    frantisek franta
    vaclav vasek
    johannes hannes
    friedrich fritz
    jose pepe
    francisco paco
    francisco pancho
    ignacio nacho
    guillermo memo
    enrique kike
    manuel manolo
    dolores lola
    giuseppe beppe
    giuseppe peppe
    giovanni gianni
    """
}
