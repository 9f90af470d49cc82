package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

func init() {
	registerUI(map[string][2]string{
		"znotice.profiles": {"通报所列开发区的评价详情", "The zones named in the notice"},
		"znotice.docx":     {"下载 Word", "Download Word"},
	})
}

// zoneNoticeView is the data of /zones/notice.
type zoneNoticeView struct {
	Notice *zonereport.Notice
	// Doc is the notice as one document, the text of /zones/notice.docx,
	// .pdf and .ofd, which the page shows.
	Doc   *notice.Doc
	Years []int
	Year  int
	Run   *zoneRunLink // the unpublished run shown, nil for the published notice
}

// zoneNoticeGet is GET /zones/notice: the zone assessment notice of the
// latest (or ?year=) held year — the 优秀 list by group, long streaks, the
// zones under each management action with the years behind it, and the
// ranking by group. Public, like the county notice; ?print=1 drops the
// menu for the PDF.
func (s *Server) zoneNoticeGet(w http.ResponseWriter, r *http.Request) error {
	v, err := s.zoneNoticeView(r)
	if err != nil {
		return err
	}
	var nv zoneNoticeView
	if v != nil {
		if nv.Notice, err = s.zoneNotice(r, v); err != nil {
			return err
		}
		nv.Doc = nv.Notice.Doc()
		nv.Years, nv.Year = v.Years, v.Year
		if unpublishedRun(v) {
			nv.Run = &zoneRunLink{ID: v.Run.ID, Year: v.Run.Period, StateKey: "state." + string(v.Run.State)}
		}
	}
	s.render(w, r, http.StatusOK, "zone_notice", nv)
	return nil
}

// zoneNoticeView loads the view the notice of r's ?year= (or ?run=) is
// built from; nil without any assessment (and no year asked for).
func (s *Server) zoneNoticeView(r *http.Request) (*zonereport.View, error) {
	if err := requireZone(r, auth.Read); err != nil {
		return nil, err
	}
	return s.zoneViewOf(r)
}

// zoneNotice builds the notice of v signed off as its run was: 经…同意 from
// the approval record, the registered 文号 and 成文日期.
func (s *Server) zoneNotice(r *http.Request, v *zonereport.View) (*zonereport.Notice, error) {
	n := zonereport.BuildNotice(v)
	approval, doc, date, err := s.zoneSignOff(r.Context(), v)
	if err != nil {
		return nil, err
	}
	n.Sign(approval, doc, date)
	return n, nil
}
