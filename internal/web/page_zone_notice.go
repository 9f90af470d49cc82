package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

func init() {
	registerUI(map[string][2]string{
		"znotice.excellent": {"一、考核评价为%s的开发区", "1. Zones rated %s"},
		"znotice.streaks":   {"二、连续多年被评为%s的开发区", "2. Zones rated %s several years running"},
		"znotice.actions":   {"三、动态管理", "3. Dynamic management"},
		"znotice.ranking":   {"附件：分组排名", "Attachment: ranking by group"},
		"znotice.noneList":  {"（空缺）", "(none)"},
		"znotice.docx":      {"下载 Word", "Download Word"},
	})
}

// zoneNoticeView is the data of /zones/notice.
type zoneNoticeView struct {
	Notice *zonereport.Notice
	Issuer string
	Best   string
	Years  []int
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
	nv := zoneNoticeView{Issuer: zonereport.Issuer}
	if v != nil {
		nv.Notice, nv.Best, nv.Years = zonereport.BuildNotice(v), v.Best(), v.Years
	}
	s.render(w, r, http.StatusOK, "zone_notice", nv)
	return nil
}

// zoneNoticeView loads the view the notice of r's ?year= is built from;
// nil without any assessment (and no year asked for).
func (s *Server) zoneNoticeView(r *http.Request) (*zonereport.View, error) {
	if err := requireZone(r, auth.Read); err != nil {
		return nil, err
	}
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	v, err := zonereport.Load(r.Context(), s.db, year)
	if errors.Is(err, store.ErrNotFound) {
		if year != 0 {
			return nil, notFound("zone assessment " + r.URL.Query().Get("year"))
		}
		return nil, nil
	}
	return v, err
}
