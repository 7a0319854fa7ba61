import Courtyard

PinyinLayout {}
