package paginatetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"strconv"
	"strings"

	"github.com/pagegen/pagegen/paginate"
)

// paginator calls the methods of a generated paginator through reflection,
// so that a test binary holds one caller, not one per paginator.
type paginator struct {
	hasMorePages, resumeToken, nextPage, items reflect.Value
}

var (
	ctxType   = reflect.TypeFor[context.Context]()
	errorType = reflect.TypeFor[error]()
)

// adapt returns the paginator that calls p's methods, or an error naming
// a method p lacks or declares with another signature.
func adapt(p any) (*paginator, error) {
	v := reflect.ValueOf(p)
	if !v.IsValid() {
		return nil, errors.New("operation: New returned nil")
	}
	method := func(name string, ok func(t reflect.Type) bool) (reflect.Value, error) {
		m := v.MethodByName(name)
		if !m.IsValid() || !ok(m.Type()) {
			return reflect.Value{}, fmt.Errorf("operation: %T has no method %s of a paginator", p, name)
		}
		return m, nil
	}
	var a paginator
	var err error
	if a.hasMorePages, err = method("HasMorePages", func(t reflect.Type) bool {
		return t.NumIn() == 0 && t.NumOut() == 1 && t.Out(0).Kind() == reflect.Bool
	}); err != nil {
		return nil, err
	}
	if a.resumeToken, err = method("ResumeToken", func(t reflect.Type) bool {
		return t.NumIn() == 0 && t.NumOut() == 1 && t.Out(0).Kind() == reflect.String
	}); err != nil {
		return nil, err
	}
	if a.nextPage, err = method("NextPage", func(t reflect.Type) bool {
		return t.NumIn() == 1 && t.In(0) == ctxType && t.NumOut() == 2 && t.Out(1) == errorType
	}); err != nil {
		return nil, err
	}
	if a.items, err = method("Items", func(t reflect.Type) bool {
		if t.NumIn() != 1 || t.In(0) != ctxType || t.NumOut() != 1 || t.Out(0).Kind() != reflect.Func {
			return false
		}
		seq := t.Out(0)
		if seq.NumIn() != 1 || seq.NumOut() != 0 {
			return false
		}
		yield := seq.In(0)
		return yield.Kind() == reflect.Func && yield.NumIn() == 2 && yield.In(1) == errorType &&
			yield.NumOut() == 1 && yield.Out(0).Kind() == reflect.Bool
	}); err != nil {
		return nil, err
	}
	return &a, nil
}

func (p *paginator) HasMorePages() bool { return p.hasMorePages.Call(nil)[0].Bool() }

func (p *paginator) ResumeToken() string { return p.resumeToken.Call(nil)[0].String() }

func (p *paginator) NextPage(ctx context.Context) (any, error) {
	out := p.nextPage.Call([]reflect.Value{reflect.ValueOf(ctx)})
	if err, _ := out[1].Interface().(error); err != nil {
		return nil, err
	}
	return out[0].Interface(), nil
}

func (p *paginator) Items(ctx context.Context) iter.Seq2[any, error] {
	seq := p.items.Call([]reflect.Value{reflect.ValueOf(ctx)})[0]
	return func(yield func(any, error) bool) {
		f := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
			err, _ := args[1].Interface().(error)
			return []reflect.Value{reflect.ValueOf(yield(args[0].Interface(), err))}
		})
		seq.Call([]reflect.Value{f})
	}
}

// new returns the paginator under test over call, starting from in; the
// members check has made sure that New's result is one.
func (c *checker) new(call Client, in any, optFns ...func(*paginate.Options)) *paginator {
	p, _ := adapt(c.op.New(call, in, optFns...))
	return p
}

// PageToken is the token of page i that Check writes in a string token
// member: "page-i".
func PageToken(i int) string {
	return "page-" + strconv.Itoa(i)
}

// PageOf is the page that a PageToken asks for: 0 for "" or a token of
// another form.
func PageOf(token string) int {
	i, _ := strconv.Atoi(strings.TrimPrefix(token, "page-"))
	return i
}
