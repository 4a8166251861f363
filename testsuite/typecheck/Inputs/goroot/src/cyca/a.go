package cyca

import "cycb"

var X = cycb.Y
