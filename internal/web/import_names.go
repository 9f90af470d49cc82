package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	registerUI(map[string][2]string{
		"data.confirmNames": {"确认名称匹配（表中用县区名称而非代码时，先上传查看匹配结果，核对后勾选此项再上传）",
			"confirm name matches (for a table that names counties instead of giving codes: upload it once to see the matches, check them, then tick this and upload again)"},
	})
}

// resolveNames matches the unit names of a statistics bureau's table to
// codes (ingest.ResolveNames). Until the uploader confirms the matches
// (form field confirm_names), they come back as the check step's located
// findings, one per name, and nothing is imported.
func (s *Server) resolveNames(r *http.Request, t *table.Table) (*table.Table, error) {
	rt, matches, err := ingest.ResolveNames(r.Context(), s.db, t)
	if err != nil {
		return nil, err
	}
	if len(matches) > 0 && r.FormValue("confirm_names") == "" {
		return nil, ingest.MatchErrors(rt, matches)
	}
	return rt, nil
}
