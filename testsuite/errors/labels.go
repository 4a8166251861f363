// Labels and branches as gc's syntax package checks them: unused and duplicate
// labels, gotos jumping into blocks or over variable declarations, misplaced
// fallthrough.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

func over() {
	goto L
	// CHECK: labels.go:[[#@LINE-1]]:7: goto L jumps over declaration of y at {{.*}}labels.go:[[#@LINE+3]]:4
	x := 1
	_ = x
	y := 1
	_ = y
L:
}

func into() {
	goto M
	// CHECK: labels.go:[[#@LINE-1]]:7: goto M jumps into block starting at {{.*}}labels.go:[[#@LINE+1]]:2
	{
	M:
	}
}

func backward() {
	{
	B:
	}
	goto B
	// CHECK: labels.go:[[#@LINE-1]]:7: goto B jumps into block starting at {{.*}}labels.go:[[#@LINE-4]]:2
}

func okjumps() {
	{
		goto Out
	}
Out:
	var v int
	_ = v
	goto Out
}

func unused() {
U:
	// CHECK: labels.go:[[#@LINE-1]]:1: label U defined and not used
	for {
		break
	}
D:
	for {
		break D
	}
D:
	// CHECK: labels.go:[[#@LINE-1]]:1: label D already defined at {{.*}}labels.go:[[#@LINE-5]]:1
	for {
	}
}

func fall(x int) {
	switch x {
	case 0:
		{
			fallthrough
			// CHECK: labels.go:[[#@LINE-1]]:4: fallthrough statement out of place
		}
	case 1:
		fallthrough
		;
	case 2:
	}
}
