package moto

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// ServerErrorCode is the AWS error code of the ServerError fault.
const ServerErrorCode = "InternalError"

// serverErrorMessage is the message of the ServerError fault.
const serverErrorMessage = "FaultProxy injected this server error"

// serverError returns the headers and body of the ServerError fault for r,
// the n-th request, in r's protocol, which it tells from r's content type,
// its Smithy-Protocol header and the service that its SigV4 signature
// names: an rpc-v2-cbor map, an awsJson or restJson object, or the XML of
// EC2, of the query protocol, of S3 or of the other rest-xml services. Each
// carries the code in the place where botocore and aws-sdk-go-v2 read it.
func serverError(r *http.Request, n int) (http.Header, []byte) {
	id := fmt.Sprintf("fault-proxy-%d", n)
	h := http.Header{"X-Amzn-Requestid": {id}}
	contentType := r.Header.Get("Content-Type")
	service := signingService(r)
	switch {
	case r.Header.Get("Smithy-Protocol") == "rpc-v2-cbor":
		h.Set("Smithy-Protocol", "rpc-v2-cbor")
		h.Set("Content-Type", "application/cbor")
		return h, cborMap("__type", ServerErrorCode, "message", serverErrorMessage)
	case strings.HasPrefix(contentType, "application/x-www-form-urlencoded") && service == "ec2":
		h.Set("Content-Type", "text/xml;charset=UTF-8")
		return h, fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
			`<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>%s</RequestID></Response>`,
			ServerErrorCode, serverErrorMessage, id)
	case strings.HasPrefix(contentType, "application/x-www-form-urlencoded"), service == "route53", service == "cloudfront":
		h.Set("Content-Type", "text/xml")
		return h, fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
			`<ErrorResponse><Error><Type>Receiver</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>%s</RequestId></ErrorResponse>`,
			ServerErrorCode, serverErrorMessage, id)
	case service == "s3":
		h.Set("Content-Type", "application/xml")
		h.Set("X-Amz-Request-Id", id)
		return h, fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
			`<Error><Code>%s</Code><Message>%s</Message><RequestId>%s</RequestId></Error>`,
			ServerErrorCode, serverErrorMessage, id)
	}
	if strings.HasPrefix(contentType, "application/x-amz-json-") {
		h.Set("Content-Type", contentType)
	} else {
		h.Set("Content-Type", "application/json")
	}
	h.Set("X-Amzn-Errortype", ServerErrorCode)
	body, _ := json.Marshal(map[string]string{"__type": ServerErrorCode, "message": serverErrorMessage})
	return h, body
}

// signingService returns the service named in the credential scope of r's
// SigV4 signature, in its Authorization header or its query, or "".
func signingService(r *http.Request) string {
	credential := r.URL.Query().Get("X-Amz-Credential")
	if _, rest, ok := strings.Cut(r.Header.Get("Authorization"), "Credential="); ok {
		credential, _, _ = strings.Cut(rest, ",")
	}
	// AKID/DATE/REGION/SERVICE/aws4_request
	parts := strings.Split(strings.TrimSpace(credential), "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

// cborMap encodes a CBOR map of text strings, each shorter than 256 bytes,
// as key, value, key, value.
func cborMap(kv ...string) []byte {
	b := []byte{0xa0 | byte(len(kv)/2)}
	for _, s := range kv {
		if len(s) < 24 {
			b = append(b, 0x60|byte(len(s)))
		} else {
			b = append(b, 0x78, byte(len(s)))
		}
		b = append(b, s...)
	}
	return b
}
