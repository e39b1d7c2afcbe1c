package awsbridge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/aws/smithy-go/document"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// documentToSDK converts a json.RawMessage into the SDK's document type.
func documentToSDK(sdk reflect.Type) convFunc {
	return func(dv, sv reflect.Value, c *conv) error {
		raw := sv.Bytes()
		if raw == nil {
			return nil
		}
		return c.setDocument(dv, raw)
	}
}

// setDocument sets dv, of an SDK document type, to the document whose
// JSON text is raw (null being a document null): through
// Config.NewDocument when it is set, else through the SDK's deserializer.
func (c *conv) setDocument(dv reflect.Value, raw []byte) error {
	if !json.Valid(raw) {
		return errors.New("the document is not valid JSON")
	}
	t := dv.Type()
	if nd := c.b.cfg.NewDocument; nd != nil {
		v, err := documentValue(raw)
		if err != nil {
			return err
		}
		d := nd(v)
		dval := reflect.ValueOf(d)
		if !dval.IsValid() || !dval.Type().AssignableTo(t) {
			return fmt.Errorf("Config.NewDocument returned a %T, which is not the SDK's %s", d, t)
		}
		dv.Set(dval)
		return nil
	}
	v, err := shape.NewDocument(t, json.RawMessage(bytes.Clone(raw)), c.roots)
	if err != nil {
		return err
	}
	dv.Set(v)
	return nil
}

// documentFromSDK converts the SDK's document into a json.RawMessage: its
// JSON text.
func documentFromSDK(dv, sv reflect.Value, _ *conv) error {
	if sv.IsNil() {
		return nil
	}
	raw, err := marshalDocument(sv)
	if err != nil {
		return err
	}
	dv.SetBytes(raw)
	return nil
}

// marshalDocument returns the JSON text of the SDK's document v.
func marshalDocument(v reflect.Value) ([]byte, error) {
	m, ok := v.Interface().(document.Marshaler)
	if !ok {
		return nil, fmt.Errorf("the SDK's %s does not marshal", v.Type())
	}
	raw, err := m.MarshalSmithyDocument()
	if err != nil {
		return nil, fmt.Errorf("the SDK's document does not marshal: %v", err)
	}
	if !json.Valid(raw) {
		return nil, errors.New("the SDK's document marshals to invalid JSON")
	}
	return raw, nil
}

// documentValue decodes the JSON text raw into the values that the SDK's
// document marshaler takes: nil, bool, string, document.Number, []any and
// map[string]any.
func documentValue(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON value")
	}
	return smithyNumbers(v), nil
}

// smithyNumbers replaces the json.Numbers in v with document.Numbers,
// which the SDK's document marshaler writes as numbers.
func smithyNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		return document.Number(v)
	case []any:
		for i := range v {
			v[i] = smithyNumbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = smithyNumbers(v[k])
		}
	}
	return v
}
