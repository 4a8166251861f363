package p

import _ "unsafe"

//go:linkname a b
func a()
