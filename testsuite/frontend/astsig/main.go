// astsig prints a position-keyed signature of each Go file's syntax tree
// using go/ast, for comparison with golc's parser (parsetest -sig).
// Reads file names on stdin; prints "== path" then one record per line.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
)

// leftmost is the start of x as golc's astsig.c computes it; a function
// type starts at its parameter list (golc, like gc, records no 'func').
func leftmost(x ast.Expr) token.Pos {
	switch x := x.(type) {
	case *ast.FuncType:
		if x.TypeParams != nil {
			return x.TypeParams.Opening
		}
		return x.Params.Opening
	case *ast.BinaryExpr:
		return leftmost(x.X)
	case *ast.CallExpr:
		return leftmost(x.Fun)
	case *ast.SelectorExpr:
		return leftmost(x.X)
	case *ast.IndexExpr:
		return leftmost(x.X)
	case *ast.IndexListExpr:
		return leftmost(x.X)
	case *ast.SliceExpr:
		return leftmost(x.X)
	case *ast.TypeAssertExpr:
		return leftmost(x.X)
	case *ast.KeyValueExpr:
		return leftmost(x.Key)
	case *ast.CompositeLit:
		if x.Type != nil {
			return leftmost(x.Type)
		}
	}
	return x.Pos()
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		path := sc.Text()
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			continue
		}
		var recs []string
		pos := func(p token.Pos) string {
			q := fset.PositionFor(p, false)
			return fmt.Sprintf("%d:%d", q.Line, q.Column)
		}
		emit := func(p token.Pos, format string, args ...interface{}) {
			r := pos(p) + " " + fmt.Sprintf(format, args...)
			r = strings.ReplaceAll(r, "\n", "\\n")
			if len(r) > 200 {
				r = r[:200]
			}
			recs = append(recs, r)
		}
		// switch and select bodies are clause lists in golc's tree
		bodies := map[*ast.BlockStmt]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SwitchStmt:
				bodies[n.Body] = true
			case *ast.TypeSwitchStmt:
				bodies[n.Body] = true
			case *ast.SelectStmt:
				bodies[n.Body] = true
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				emit(n.Pos(), "I %s", n.Name)
			case *ast.BasicLit:
				emit(n.Pos(), "L %s", n.Value)
			case *ast.BinaryExpr:
				emit(n.OpPos, "B %s x=%s", n.Op, pos(leftmost(n.X)))
			case *ast.UnaryExpr:
				emit(n.OpPos, "U %s", n.Op)
			case *ast.StarExpr:
				emit(n.Star, "*")
			case *ast.CallExpr:
				emit(n.Lparen, "C %d %v", len(n.Args), n.Ellipsis.IsValid())
			case *ast.IndexExpr:
				emit(n.Lbrack, "X 1")
			case *ast.IndexListExpr:
				emit(n.Lbrack, "X %d", len(n.Indices))
			case *ast.SliceExpr:
				emit(n.Lbrack, "SL %v", n.Slice3)
			case *ast.CompositeLit:
				emit(n.Lbrace, "CL %d", len(n.Elts))
			case *ast.KeyValueExpr:
				emit(n.Colon, "KV")
			case *ast.ParenExpr:
				emit(n.Lparen, "P")
			case *ast.FuncLit:
				emit(n.Pos(), "FL")
			case *ast.TypeAssertExpr:
				emit(leftmost(n.X), "TA %v", n.Type == nil)
			case *ast.SelectorExpr:
				emit(leftmost(n.X), "SEL")
			case *ast.ArrayType:
				emit(n.Lbrack, "AT %v", n.Len != nil)
			case *ast.Ellipsis:
				emit(n.Ellipsis, "E")
			case *ast.StructType:
				emit(n.Struct, "ST")
			case *ast.InterfaceType:
				emit(n.Interface, "IT")
			case *ast.MapType:
				emit(n.Map, "MT")
			case *ast.ChanType:
				emit(n.Begin, "CT %d", n.Dir)
			case *ast.FuncType:
				recs = append(recs, "FT")
			case *ast.Field:
				if len(n.Names) > 0 {
					emit(n.Pos(), "F %d", len(n.Names))
				} else {
					emit(leftmost(n.Type), "F 0")
				}
			case *ast.AssignStmt:
				emit(n.TokPos, "A %s %d %d", n.Tok, len(n.Lhs), len(n.Rhs))
			case *ast.IncDecStmt:
				emit(n.TokPos, "ID %s", n.Tok)
			case *ast.SendStmt:
				emit(n.Arrow, "SD")
			case *ast.ExprStmt:
				emit(leftmost(n.X), "ES")
			case *ast.DeclStmt:
				emit(n.Pos(), "DS")
			case *ast.LabeledStmt:
				emit(n.Colon, "LB")
			case *ast.GoStmt:
				emit(n.Go, "GO")
			case *ast.DeferStmt:
				emit(n.Defer, "DF")
			case *ast.ReturnStmt:
				emit(n.Return, "RET %d", len(n.Results))
			case *ast.BranchStmt:
				emit(n.TokPos, "BR %s", n.Tok)
			case *ast.BlockStmt:
				if !bodies[n] {
					emit(n.Lbrace, "BL")
				}
			case *ast.IfStmt:
				emit(n.If, "IF")
			case *ast.SwitchStmt:
				emit(n.Switch, "SW")
			case *ast.TypeSwitchStmt:
				emit(n.Switch, "TS")
			case *ast.SelectStmt:
				emit(n.Select, "SE")
			case *ast.ForStmt:
				emit(n.For, "FOR")
			case *ast.RangeStmt:
				emit(n.For, "RG %s", n.Tok)
			case *ast.CaseClause:
				emit(n.Case, "CC %d", len(n.List))
			case *ast.CommClause:
				emit(n.Case, "CM")
			case *ast.GenDecl:
				emit(n.TokPos, "GD %s %d", n.Tok, len(n.Specs))
			case *ast.ImportSpec:
				emit(n.Pos(), "IS")
			case *ast.ValueSpec:
				emit(n.Pos(), "VS %d %d", len(n.Names), len(n.Values))
			case *ast.TypeSpec:
				emit(n.Pos(), "TY %v", n.Assign.IsValid())
			case *ast.FuncDecl:
				emit(n.Type.Func, "FD")
			case *ast.File:
				emit(n.Package, "FILE")
			}
			return true
		})
		sort.Strings(recs)
		fmt.Fprintf(w, "== %s\n", path)
		for _, r := range recs {
			fmt.Fprintln(w, r)
		}
	}
}
