// //go:nointerface under GOEXPERIMENT=fieldtrack: the method is callable but
// stays out of interface method tables (type assertions and conversions at run
// time do not see it); without the experiment the directive is ignored, as gc
// does.
// RUN: env GOEXPERIMENT=fieldtrack %golc build -o %t.ft %s
// RUN: %run %t.ft 2>&1 | FileCheck --check-prefix=FT %s
// RUN: %golc build -o %t %s
// RUN: %run %t 2>&1 | FileCheck --check-prefix=OFF %s
package main

type T struct{ U }

type U struct{}

//go:nointerface
func (*U) Bad() int { return 1 }

func (*U) Good() int { return 2 }

func main() {
	var i interface{} = new(T)
	_, bad := i.(interface{ Bad() int })
	g, good := i.(interface{ Good() int })
	println(bad, good, g.Good(), new(T).Bad())
}

// FT: false true 2 1
// OFF: true true 2 1
