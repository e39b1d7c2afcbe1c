package bridgetest

import (
	"reflect"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// Uncovered returns the paths (in Go field names, "[]" for a list's item
// or a map's value) of the members of the pagegen type of pagegen, at any
// depth, that the SDK type of sdk has no place for: the bridge cannot
// send or receive them. pagegen and sdk are pointers to structs, whose
// values are not used.
func Uncovered(pagegen, sdk any) []string {
	w := &walker{roots: shape.NewRoots(reflect.TypeOf(sdk)), seen: map[[2]reflect.Type]bool{}}
	w.walk(reflect.TypeOf(pagegen).Elem().Name(), reflect.TypeOf(pagegen), reflect.TypeOf(sdk))
	return w.pagegenOnly
}

// SDKOnly returns the paths of the fields of the SDK type of sdk, at any
// depth under a member that the pagegen type of pagegen has, that no
// pagegen member converts to or from: members the SDK knows and the pages
// do not.
func SDKOnly(pagegen, sdk any) []string {
	w := &walker{roots: shape.NewRoots(reflect.TypeOf(sdk)), seen: map[[2]reflect.Type]bool{}}
	w.walk(reflect.TypeOf(pagegen).Elem().Name(), reflect.TypeOf(pagegen), reflect.TypeOf(sdk))
	return w.sdkOnly
}

// walker walks a pagegen type and the SDK type it converts to together.
type walker struct {
	roots                *shape.Roots
	seen                 map[[2]reflect.Type]bool
	pagegenOnly, sdkOnly []string
}

func (w *walker) walk(path string, pg, sdk reflect.Type) {
	for pg.Kind() == reflect.Pointer {
		pg = pg.Elem()
	}
	for sdk.Kind() == reflect.Pointer {
		sdk = sdk.Elem()
	}
	if pg == tokenType || pg == rawMessageType || pg == timeType {
		return
	}
	switch {
	case pg.Kind() == reflect.Slice && pg.Elem().Kind() != reflect.Uint8 && sdk.Kind() == reflect.Slice,
		pg.Kind() == reflect.Map && sdk.Kind() == reflect.Map:
		w.walk(path+"[]", pg.Elem(), sdk.Elem())
	case pg.Kind() == reflect.Struct && shape.IsUnion(sdk):
		k := [2]reflect.Type{pg, sdk}
		if w.seen[k] {
			return
		}
		w.seen[k] = true
		for _, m := range shape.PagegenOf(pg).Fields {
			mt, err := shape.ResolveMember(sdk, m.Wire, w.roots)
			if err != nil {
				w.pagegenOnly = append(w.pagegenOnly, path+"."+m.Name)
				continue
			}
			w.walk(path+"."+m.Name, m.Type, mt.Elem().Field(shape.ValueField(mt)).Type)
		}
	case pg.Kind() == reflect.Struct && sdk.Kind() == reflect.Struct:
		k := [2]reflect.Type{pg, sdk}
		if w.seen[k] {
			return
		}
		w.seen[k] = true
		for _, p := range shape.Pairs(pg, sdk) {
			if !p.Matched {
				w.pagegenOnly = append(w.pagegenOnly, path+"."+p.Pagegen.Name)
				continue
			}
			w.walk(path+"."+p.Pagegen.Name, p.Pagegen.Type, p.SDK.Type)
		}
		for _, name := range shape.SDKOnly(sdk, pg) {
			w.sdkOnly = append(w.sdkOnly, path+"."+name)
		}
	}
}
