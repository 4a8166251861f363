package cycb

import "cyca"

var Y = cyca.X
