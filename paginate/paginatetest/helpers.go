package paginatetest

import (
	"context"
	"iter"
	"strconv"
	"strings"
)

// Typed is the API of a generated paginator whose pages are O and items I.
type Typed[O, I any] interface {
	HasMorePages() bool
	ResumeToken() string
	NextPage(ctx context.Context) (O, error)
	Items(ctx context.Context) iter.Seq2[I, error]
}

// Adapt returns the Paginator that calls p's methods.
func Adapt[O, I any](p Typed[O, I]) Paginator {
	return Paginator{
		HasMorePages: p.HasMorePages,
		ResumeToken:  p.ResumeToken,
		NextPage: func(ctx context.Context) (any, error) {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			return page, nil
		},
		Items: func(ctx context.Context) iter.Seq2[any, error] {
			return func(yield func(any, error) bool) {
				for item, err := range p.Items(ctx) {
					if !yield(item, err) {
						return
					}
				}
			}
		},
	}
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
