// courtyard: the staff tablet and lobby kiosk app (see client/app/application.cpp).
#include "client/app/application.h"

int main(int argc, char** argv) { return courtyard::client::runApp(argc, argv); }
