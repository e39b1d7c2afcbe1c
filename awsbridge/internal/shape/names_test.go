package shape

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	names := []string{"Key", "Values", "SseKms", "SSEKMS", "DryRun", "Arn", "ARN"}
	tests := []struct {
		wire string
		want int
	}{
		{"key", 0},
		{"Key", 0},
		{"values", 1},
		{"DryRun", 4},
		{"dryRun", 4},
		{"dry_run", 4},
		{"SseKms", 2},
		{"sse_kms", -1}, // SseKms and SSEKMS fold alike
		{"arn", 5},
		{"aRN", 6},
		{"a_rn", -1}, // Arn and ARN fold alike
		{"Arn", 5},
		{"Nope", -1},
		{"", -1},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Match(names, tt.wire), tt.wire)
	}
	require.Equal(t, "ÉTé", UpperFirst("éTé"))
	require.Equal(t, "ssekms2", Fold("SSE_KMS-2"))
}

func TestMatchWire(t *testing.T) {
	wires := []string{"key", "Value", "NULL", "is_set"}
	require.Equal(t, 0, MatchWire(wires, "key"))
	require.Equal(t, 0, MatchWire(wires, "Key"))
	require.Equal(t, 1, MatchWire(wires, "Value"))
	require.Equal(t, 2, MatchWire(wires, "NULL"))
	require.Equal(t, 3, MatchWire(wires, "IsSet"))
	require.Equal(t, -1, MatchWire(wires, "Null2"))
}

// clients are SDK clients whose services deserialize through schemas.
var clients = map[string]any{
	"dynamodb":       &awsdynamodb.Client{},
	"ssm":            &awsssm.Client{},
	"cloudwatchlogs": &awslogs.Client{},
	"iam":            &awsiam.Client{},
}

// operations returns the input and output types of the operations of the
// SDK client c.
func operations(c any) map[string][2]reflect.Type {
	ctx := reflect.TypeFor[context.Context]()
	out := map[string][2]reflect.Type{}
	t := reflect.TypeOf(c)
	for i := range t.NumMethod() {
		m := t.Method(i).Type
		if m.NumIn() == 4 && m.In(1) == ctx && m.NumOut() == 2 && m.In(2).Kind() == reflect.Pointer && m.Out(0).Kind() == reflect.Pointer {
			out[t.Method(i).Name] = [2]reflect.Type{m.In(2).Elem(), m.Out(0).Elem()}
		}
	}
	return out
}

// TestSDKFieldNames checks, on the SDK modules at hand, the rule that
// pairs fields: each member of each struct that the operations reach is
// the Go field named after it with its first letter upper-cased, as the
// struct's schema names them, and each union member type is named
// <Union>Member<Name> after the member it holds.
func TestSDKFieldNames(t *testing.T) {
	for service, client := range clients {
		t.Run(service, func(t *testing.T) {
			structs, members := 0, 0
			var unreachable []string
			seen := map[reflect.Type]bool{}
			for op, types := range operations(client) {
				roots := NewRoots(types[:]...)
				var visit func(reflect.Type)
				visit = func(typ reflect.Type) {
					typ = deref(typ)
					if seen[typ] {
						return
					}
					seen[typ] = true
					switch {
					case typ.Kind() == reflect.Struct && typ.PkgPath() != "time" && len(SDKFields(typ)) > 0:
						s := serializedSchema(reflect.PointerTo(typ))
						require.NotNil(t, s, "%s: %s has no schema", op, typ)
						structs++
						var names, goNames []string
						for name := range s.Members() {
							names = append(names, name)
						}
						for _, f := range SDKFields(typ) {
							goNames = append(goNames, f.Name)
							visit(f.Type)
						}
						for _, name := range names {
							members++
							require.Contains(t, goNames, UpperFirst(name), "%s: %s: member %s", op, typ, name)
						}
						for _, f := range goNames {
							require.True(t, slices.ContainsFunc(names, func(n string) bool { return UpperFirst(n) == f }),
								"%s: %s.%s is no member", op, typ, f)
						}
					case typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map:
						visit(typ.Elem())
					case IsUnion(typ):
						names, err := UnionMembers(typ, roots)
						var nc *NoContainerError
						if errors.As(err, &nc) {
							// Only an input holds it, or an event
							// stream: the bridge cannot send it.
							unreachable = append(unreachable, op+": "+typ.String())
							delete(seen, typ) // another operation may reach it
							return
						}
						require.NoError(t, err)
						for _, name := range names {
							m, err := ResolveMember(typ, name, roots)
							require.NoError(t, err)
							members++
							require.Equal(t, typ.Name()+"Member"+UpperFirst(name), m.Elem().Name())
							require.Equal(t, name, MemberName(typ, m))
							visit(m.Elem().Field(ValueField(m)).Type)
						}
					}
				}
				visit(types[0])
				visit(types[1])
			}
			slices.Sort(unreachable)
			t.Logf("%s: %d structs, %d members; unions no type of their operation deserializes: %v", service, structs, members, unreachable)
		})
	}
}
