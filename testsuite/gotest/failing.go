// A failing test and an example with the wrong output: the test binary's
// output, FAIL lines like the go command's, exit status 1.
//
// RUN: %expect-exit 1 %golc test %S/Inputs/failing > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// CHECK-NOT: TestGood
// CHECK: --- FAIL: TestBad ({{.*}})
// CHECK-NEXT: Mul(2, 3) = 6, want 7
// CHECK: --- FAIL: ExampleMul ({{.*}})
// CHECK-NEXT: got:
// CHECK-NEXT: 4
// CHECK-NEXT: want:
// CHECK-NEXT: 5
// CHECK-NEXT: {{^}}FAIL{{$}}
// CHECK-NEXT: {{^}}FAIL{{[[:space:]]+}}example.com/failing{{[[:space:]]+}}{{[0-9.]+}}s{{$}}
// CHECK-NEXT: {{^}}FAIL{{$}}
//
// Only the passing test: ok
// RUN: %golc test -run Good %S/Inputs/failing | FileCheck --check-prefix=GOOD %s
// GOOD: {{^}}ok  {{.*}}example.com/failing
package ignored
