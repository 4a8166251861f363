// golc test on a package with internal tests, external tests (using an
// export_test.go declaration), subtests, a skipped test, a benchmark and
// examples with ordered and unordered output.
//
// RUN: %golc test %S/Inputs/basic | FileCheck --check-prefix=QUIET %s
// QUIET-NOT: PASS
// QUIET: {{^}}ok  {{.*}}example.com/basic{{[[:space:]]+}}{{[0-9]+\.[0-9][0-9][0-9]}}s{{$}}
//
// RUN: %golc test -v %S/Inputs/basic | FileCheck %s
// CHECK: === RUN   TestSecret
// CHECK: --- PASS: TestSecret
// CHECK: === RUN   TestAdd
// CHECK: === RUN   TestAdd/case0
// CHECK: --- PASS: TestAdd
// CHECK:     --- PASS: TestAdd/case2
// CHECK: --- PASS: TestExported
// CHECK: === RUN   TestSkipped
// CHECK-NEXT: {{.*}}skipping on purpose
// CHECK-NEXT: --- SKIP: TestSkipped
// CHECK: --- PASS: TestOneStrings
// CHECK: === RUN   ExampleAdd
// CHECK: --- PASS: ExampleAdd
// CHECK: --- PASS: ExampleAdd_unordered
// CHECK-NOT: noOutput
// CHECK: {{^}}PASS
// CHECK-NEXT: {{^}}ok  {{.*}}example.com/basic
//
// -run selects (-count repeats the tests, not the examples); -bench runs the
// benchmark (once, with -benchtime=1x)
// RUN: %golc test -v -run 'Add$' -count 2 %S/Inputs/basic | FileCheck --check-prefix=SEL %s
// SEL-NOT: TestSecret
// SEL: --- PASS: TestAdd
// SEL: --- PASS: TestAdd
// SEL: --- PASS: ExampleAdd
// SEL-NOT: ExampleAdd_unordered
// SEL: ok
// RUN: %golc test -run XXX %S/Inputs/basic | FileCheck --check-prefix=NOTESTS %s
// NOTESTS: {{^}}ok  {{.*}}example.com/basic{{.*}}s [no tests to run]
// RUN: %golc test -run XXX -bench Add -benchtime 1x %S/Inputs/basic | FileCheck --check-prefix=BENCH %s
// BENCH: BenchmarkAdd
// BENCH: {{^}}ok
//
// -skip (golc's: Go 1.19's testing has none) drops tests by name
// RUN: %golc test -v -skip 'Secret|Example|Add' %S/Inputs/basic | FileCheck --check-prefix=DROP %s
// DROP-NOT: TestSecret
// DROP-NOT: TestAdd
// DROP: --- PASS: TestExported
// DROP-NOT: Example
// DROP: {{^}}ok
package ignored
