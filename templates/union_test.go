package templates

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/model"
)

// TestUnionUsesModelNames checks that a union's emitted declarations take
// every name from the model: the type, its fields, the field of unknown
// members and the member method; only the JSON codec's names are fixed.
func TestUnionUsesModelNames(t *testing.T) {
	inner := &model.Type{Kind: model.Struct, GoName: "Inner", Validates: true,
		Fields: []*model.Field{{GoName: "Key", Wire: "key", Required: true, Type: &model.TypeRef{Kind: model.String}}}}
	for _, tc := range []struct {
		name   string
		union  *model.Type
		fields []string
		value  []string // methods with a value receiver
		ptr    []string // methods with a pointer receiver
	}{
		{
			name: "default names",
			union: &model.Type{Kind: model.Union, GoName: "Choice", MemberMethod: "Member", Unknown: "Unknown", Validates: true,
				Fields: []*model.Field{
					{GoName: "Text", Wire: "text", Pointer: true, Type: &model.TypeRef{Kind: model.String}},
					{GoName: "Tags", Wire: "tags", Type: &model.TypeRef{Kind: model.Slice, Elem: &model.TypeRef{Kind: model.String}}},
					{GoName: "Doc", Wire: "doc", Type: &model.TypeRef{Kind: model.Document}},
					{GoName: "Inner", Wire: "inner", Pointer: true, Type: &model.TypeRef{Kind: model.Named, Named: inner}},
				}},
			fields: []string{"Text", "Tags", "Doc", "Inner", "Unknown"},
			value:  []string{"Member", "MarshalJSON"},
			ptr:    []string{"UnmarshalJSON", "validate"},
		},
		{
			name: "names settled around the fields",
			union: &model.Type{Kind: model.Union, GoName: "Spec", MemberMethod: "MemberName", Unknown: "Unknown2", Validates: true,
				Fields: []*model.Field{
					{GoName: "Member", Wire: "member", Pointer: true, Type: &model.TypeRef{Kind: model.String}},
					{GoName: "Unknown", Wire: "unknown", Pointer: true, Type: &model.TypeRef{Kind: model.Int64}},
					{GoName: "MarshalJSON2", Wire: "marshalJSON", Pointer: true, Type: &model.TypeRef{Kind: model.Bool}},
				}},
			fields: []string{"Member", "Unknown", "MarshalJSON2", "Unknown2"},
			value:  []string{"MemberName", "MarshalJSON"},
			ptr:    []string{"UnmarshalJSON", "validate"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := jen.NewFile("p")
			genUnion(f, tc.union)
			genValidate(f, tc.union, "")
			var buf bytes.Buffer
			require.NoError(t, f.Render(&buf))
			file, err := parser.ParseFile(token.NewFileSet(), "x.go", buf.Bytes(), 0)
			require.NoError(t, err, buf.String())

			var fields, value, ptr []string
			for _, d := range file.Decls {
				switch d := d.(type) {
				case *ast.GenDecl:
					for _, s := range d.Specs {
						ts, ok := s.(*ast.TypeSpec)
						if !ok {
							continue
						}
						require.Equal(t, tc.union.GoName, ts.Name.Name)
						for _, fl := range ts.Type.(*ast.StructType).Fields.List {
							fields = append(fields, fl.Names[0].Name)
						}
					}
				case *ast.FuncDecl:
					switch recv := d.Recv.List[0].Type.(type) {
					case *ast.StarExpr:
						require.Equal(t, tc.union.GoName, recv.X.(*ast.Ident).Name)
						ptr = append(ptr, d.Name.Name)
					case *ast.Ident:
						require.Equal(t, tc.union.GoName, recv.Name)
						value = append(value, d.Name.Name)
					}
				}
			}
			require.Equal(t, tc.fields, fields)
			require.Equal(t, tc.value, value)
			require.Equal(t, tc.ptr, ptr)
		})
	}
}

// TestZeroProblems checks what the generated input tests expect Validate to
// report for a zero value: missing required members (documents among them)
// and required unions, within required structures too, but not within
// optional ones.
func TestZeroProblems(t *testing.T) {
	str := &model.TypeRef{Kind: model.String}
	union := &model.Type{Kind: model.Union, GoName: "U", Validates: true,
		Fields: []*model.Field{{GoName: "A", Pointer: true, Type: str}}}
	inner := &model.Type{Kind: model.Struct, GoName: "Inner", Validates: true, Fields: []*model.Field{
		{GoName: "Doc", Required: true, Type: &model.TypeRef{Kind: model.Document}},
		{GoName: "Choice", Required: true, Type: &model.TypeRef{Kind: model.Named, Named: union}},
	}}
	outer := &model.Type{Kind: model.Struct, GoName: "Outer", Validates: true, Fields: []*model.Field{
		{GoName: "Name", Required: true, Type: str},
		{GoName: "Count", Required: true, Type: &model.TypeRef{Kind: model.Int64}},
		{GoName: "Required", Required: true, Type: &model.TypeRef{Kind: model.Named, Named: inner}},
		{GoName: "Optional", Pointer: true, Type: &model.TypeRef{Kind: model.Named, Named: inner}},
		{GoName: "Either", Required: true, Type: &model.TypeRef{Kind: model.Named, Named: union}},
		{GoName: "Maybe", Pointer: true, Type: &model.TypeRef{Kind: model.Named, Named: union}},
	}}
	for _, tc := range []struct {
		typ  *model.Type
		path string
		want problems
	}{
		{outer, "", problems{
			missing: []string{"Name", "Required.Doc"},
			unions:  []string{"Either", "Required.Choice"},
		}},
		{inner, "List[0]", problems{missing: []string{"List[0].Doc"}, unions: []string{"List[0].Choice"}}},
		{union, "Filters[0]", problems{unions: []string{"Filters[0]"}}},
	} {
		require.Equal(t, tc.want, zeroProblems(tc.typ, tc.path), tc.typ.GoName)
	}
}
