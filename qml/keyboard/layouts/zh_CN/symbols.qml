import Courtyard

SymbolsLayout {}
