package web

import (
	"bytes"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/notice"
)

// noticeOFD is GET /notice.ofd: the notice as OFD (GB/T 33190), the
// fixed-layout format government OA systems archive, laid out as the PDF
// is. Access as noticeTarget says; without the notice font the answer is
// the 503 page of /notice.pdf.
func (s *Server) noticeOFD(w http.ResponseWriter, r *http.Request) error {
	run, err := s.noticeTarget(r)
	if err != nil {
		return err
	}
	ft, ok := s.noticeFont(w, r)
	if !ok {
		return nil
	}
	d, err := s.noticeDoc(r.Context(), run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.WriteOFD(&b, d, ft, s.now()); err != nil {
		return err
	}
	return sendFile(w, "application/ofd", "notice-"+run.Period+".ofd", b.Bytes())
}
