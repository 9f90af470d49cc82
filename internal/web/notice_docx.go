package web

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/notice"
)

// noticeDOCX is GET /notice.docx: the notice (通报) of a run (?run=, else
// the latest published) as an editable official document (GB/T 9704), the
// same document model as /notice.pdf and /notice.ofd. Access as
// noticeTarget says.
func (s *Server) noticeDOCX(w http.ResponseWriter, r *http.Request) error {
	run, err := s.noticeTarget(r)
	if err != nil {
		return err
	}
	d, err := s.noticeDoc(r.Context(), run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.Docx(d).Write(&b); err != nil {
		return err
	}
	return sendFile(w, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "notice-"+run.Period+".docx", b.Bytes())
}

// sendFile sends body as the attachment filename.
func sendFile(w http.ResponseWriter, contentType, filename string, body []byte) error {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(filename))
	w.Header().Set("Content-Length", itoa(len(body)))
	_, err := w.Write(body)
	return err
}
