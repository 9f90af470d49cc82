package workflow

import (
	"bytes"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
)

// MaxAttachment bounds the size of a file attached to an objection or an
// event: a scanned document of a few pages, not an archive.
const MaxAttachment = 5 << 20

// attachmentTypes are the files an official reply or evidence comes as:
// PDF, scans (JPEG, PNG), Word and Excel files, and OFD, China's
// fixed-layout official-document format (GB/T 33190). Each is recognised
// by its first bytes, not only its name, so that a renamed executable is
// refused.
var attachmentTypes = map[string]struct {
	mime  string
	magic []byte
}{
	".pdf":  {"application/pdf", []byte("%PDF-")},
	".jpg":  {"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	".jpeg": {"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	".png":  {"image/png", []byte("\x89PNG\r\n\x1a\n")},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", []byte("PK\x03\x04")},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []byte("PK\x03\x04")},
	".ofd":  {"application/ofd", []byte("PK\x03\x04")},
}

// AttachmentTypes lists the accepted file extensions, for forms and
// messages.
const AttachmentTypes = ".pdf, .jpg, .jpeg, .png, .docx, .xlsx, .ofd"

// CheckAttachment checks an uploaded file: not empty, at most
// MaxAttachment bytes, of an accepted type whose content matches its
// extension. It returns the clean base name and the content type to serve
// it with.
func CheckAttachment(name string, content []byte) (base, contentType string, err error) {
	base = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if base == "." || base == "/" || strings.TrimSpace(base) == "" {
		return "", "", fmt.Errorf("workflow: the attachment has no file name")
	}
	if len(content) == 0 {
		return "", "", fmt.Errorf("workflow: attachment %s is empty", base)
	}
	if len(content) > MaxAttachment {
		return "", "", fmt.Errorf("workflow: attachment %s has %d bytes, more than %d", base, len(content), MaxAttachment)
	}
	t, ok := attachmentTypes[strings.ToLower(filepath.Ext(base))]
	if !ok {
		return "", "", fmt.Errorf("workflow: attachment %s is not one of %s", base, AttachmentTypes)
	}
	if !bytes.HasPrefix(content, t.magic) {
		return "", "", fmt.Errorf("workflow: attachment %s is not a %s file (its content is %s)", base,
			strings.TrimPrefix(filepath.Ext(base), "."), http.DetectContentType(content))
	}
	return base, t.mime, nil
}
