// The syntax tree may nest 100000 levels deep, as go/parser allows ("exceeded
// max nesting depth" beyond); the checker recurses that deep on golc's 1 GB
// stack (frontend/bigstack.c), where 8 MB would overflow. Found by fuzzing.
// The frontend does not depend on the target: amd64 only.
// REQUIRES: amd64
// RUN: python3 -c "print('package p\nvar x = ' + '^' * 60000 + '1')" > %t.unary.go
// RUN: %golc typecheck %t.unary.go
// RUN: python3 -c "print('package p\nvar x = 1' + '+1' * 60000)" > %t.binary.go
// RUN: %golc typecheck %t.binary.go
// RUN: python3 -c "print('package p\nfunc f() ' + '{' * 60000 + '}' * 60000)" > %t.block.go
// RUN: %golc typecheck %t.block.go
// RUN: python3 -c "print('package p\nvar x = ' + '(' * 100001 + '1' + ')' * 100001)" > %t.deep.go
// RUN: %expect-exit 1 %golc typecheck %t.deep.go 2>&1 | FileCheck %s
// CHECK: .deep.go:2:[[#]]: exceeded max nesting depth
// CHECK-NOT: deep.go
package p
