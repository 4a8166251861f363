// Import paths are checked as types2 (characters) and gc (canonical form).
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

import (
	""
	// CHECK: imports.go:[[#@LINE-1]]:2: invalid import path (empty string)
	"a b"
	// CHECK: imports.go:[[#@LINE-1]]:2: invalid import path (invalid character U+0020 ' ')
	"x\x00"
	// CHECK: imports.go:[[#@LINE-1]]:2: invalid import path (invalid character U+0000)
	"unicode//utf8"
	// CHECK: imports.go:[[#@LINE-1]]:2: could not import unicode//utf8 (non-canonical import path "unicode//utf8" (should be "unicode/utf8"))
	"/abs"
	// CHECK: imports.go:[[#@LINE-1]]:2: could not import /abs (import path cannot be absolute path)
)
