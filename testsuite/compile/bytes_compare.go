// string(b) of a []byte compared with == or < is not copied (gc's
// slicebytetostringtmp): bytes.Equal is `string(a) == string(b)`, and the
// copies made bytes' TestNotEqual take a minute.
// RUN: %golc build -emit-llvm -o - %s | FileCheck %s
// CHECK-LABEL: define {{.*}} @main.eq(
// CHECK-NOT: slicebytetostring
// CHECK: ret
// CHECK-LABEL: define {{.*}} @main.less(
// CHECK-NOT: slicebytetostring
// CHECK: ret
// CHECK-LABEL: define {{.*}} @main.kept(
// CHECK: runtime.slicebytetostring
package main

//go:noinline
func eq(a, b []byte) bool { return string(a) == string(b) }

//go:noinline
func less(a []byte, s string) bool { return string(a) < s }

//go:noinline
func kept(a []byte) string { return string(a) }

func main() {
	b := []byte("xy")
	println(eq(b, []byte("xy")), less(b, "xz"), kept(b))
}
