package vn.hocso.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

/** A catalogue category ("Kỹ năng số cơ bản", "Dịch vụ công trực tuyến", …). */
@Entity
public class Category extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_vi")
    public String nameVi;

    @Column(name = "name_en")
    public String nameEn;

    public int position;

    public static List<Category> listInOrder() {
        return list("order by position");
    }
}
