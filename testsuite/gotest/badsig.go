// Test functions of the wrong signature are compile errors at their
// positions; the build fails like the go command's.
//
// RUN: %expect-exit 1 %golc test %S/Inputs/badsig > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// CHECK-DAG: badsig_test.go:5:1: wrong signature for TestWrong, must be: func TestWrong(t *testing.T)
// CHECK-DAG: badsig_test.go:7:1: wrong signature for BenchmarkWrong, must be: func BenchmarkWrong(b *testing.B)
// CHECK-DAG: {{^}}FAIL{{[[:space:]]+}}_{{.*}}/badsig [build failed]
package ignored
