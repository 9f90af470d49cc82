package web

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

func init() {
	registerUI(map[string][2]string{
		"zimp.import":     {"导入开发区企业数据", "Import the zones' enterprises"},
		"zimp.importHow":  {"企业表 .xlsx 或 .csv，列与命令行导入相同，必有以下各列（可另有年份、园区、县区、行业代码等列）：", "An enterprise table .xlsx or .csv, with the command line's columns; these are required (year, sub-park, county, industry and others may follow):"},
		"zimp.importRule": {"替换表中所列开发区该年度的全部企业数据（未列出的开发区不变），有错则不导入任何一行；该年度已有亩均效益分类的，按其方案重新分类。", "It replaces the year's enterprises of the zones it names (other zones keep theirs), nothing at all when a cell is wrong; a year already graded is graded again with its scheme."},
		"zimp.year":       {"数据年份（表中没有年份列时必填）", "Year (required when the table has no year column)"},
		"zimp.importDo":   {"导入", "Import"},
		"zimp.done":       {"已导入 %d 年企业数据第 %d 版：%d 家（新增 %d，变更 %d，删除 %d）。", "Imported the enterprises of %d, revision %d: %d rows (%d added, %d changed, %d removed)."},
		"zimp.graded":     {"已按该年度的方案对 %d 家企业重新分类。", "Graded %d enterprises again with the year's scheme."},
		"zimp.notGraded":  {"该年度还没有亩均效益分类方案：分类方案用命令行导入：", "The year has no grading scheme yet: the command line imports one:"},
		"zimp.back":       {"返回开发区考核评价", "Back to the zone assessment"},
		"zimp.importedAt": {"导入结果", "Import result"},
	})
	locale.Register(map[string][2]string{
		"zones.ent.noYear": {"企业表没有 year 列：请填写数据年份", "the enterprise table has no year column: give the year"},
		"bad.zoneEntYear":  {"数据年份 %q 不是 1990—2100 之间的年份", "the year %q is not a year between 1990 and 2100"},
	})
}

// zoneEntImportView is the data of the import's result page.
type zoneEntImportView struct {
	Rev    store.ZoneEnterpriseRevision
	Graded int // enterprises graded again; −1 when the year has no scheme
}

// zoneEnterpriseImport is POST /zones/enterprises/import: the office
// uploads the enterprises of every zone (file, .xlsx or .csv within the
// server's upload and table limits; year when the table has none; sheet),
// as `qiangxian zones enterprises --enterprises` does: zones and sub-parks
// checked against the registry, every problem at its cell, all or
// nothing, the year's enterprises of the zones the table names replaced as
// a new numbered revision of the year. A year with a stored
// grading is graded again with its scheme (a second transaction, as the
// command's --scheme is).
func (s *Server) zoneEnterpriseImport(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.CanZoneEnterprise(c.principal(), auth.Write, auth.ZoneScope{}) {
		return deny(c, "import zone enterprises")
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	year := 0
	if y := strings.TrimSpace(r.FormValue("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1990 || n > 2100 {
			return invalid("bad.zoneEntYear", y)
		}
		year = n
	}
	t, done, err := s.readUpload(w, r)
	defer done()
	if err != nil {
		return err
	}
	ctx := r.Context()
	zs, err := s.db.Zones(ctx)
	if err != nil {
		return err
	}
	es, y, err := zonestats.ReadEnterprises(t, zs, year, locale.M("zones.ent.noYear"))
	if err != nil {
		return err
	}
	v := zoneEntImportView{Graded: -1}
	if v.Rev, err = s.db.ReplaceZoneEnterprises(ctx, c.actor(), y, nil, es, filepath.Base(t.File)); err != nil {
		return err
	}
	if v.Graded, err = s.regradeZoneEnterprises(r, y); err != nil {
		return fmt.Errorf("the enterprises of %d are imported (revision %d), grading them again failed: %w", y, v.Rev.Revision, err)
	}
	s.render(w, r, http.StatusOK, "zone_enterprise_imported", v)
	return nil
}

// regradeZoneEnterprises grades the enterprises of year again with the
// scheme of its stored grading, and returns how many; −1 when the year
// has no grading.
func (s *Server) regradeZoneEnterprises(r *http.Request, year int) (int, error) {
	ctx := r.Context()
	old, err := s.db.ZoneEnterpriseGrades(ctx, year, "")
	if errors.Is(err, store.ErrNotFound) || err == nil && old.Scheme == "" {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	scheme, err := mujun.ParseScheme("scheme", []byte(old.Scheme))
	if err != nil {
		return 0, err
	}
	all, err := s.db.ZoneEnterprises(ctx, year, "")
	if err != nil {
		return 0, err
	}
	if err := s.db.PutZoneGrading(ctx, callerOf(r).actor(), zonestats.Grade(all, scheme, old.Scheme, year)); err != nil {
		return 0, err
	}
	return len(all), nil
}
