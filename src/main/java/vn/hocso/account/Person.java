package vn.hocso.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A person's profile on the platform; who they are comes from the OIDC provider (subject). */
@Entity
public class Person extends PanacheEntityBase {

    /** Column lengths (V3__people.sql), in characters. */
    public static final int MAX_NAME = 200;

    public static final int MAX_EMAIL = 320;
    public static final int MAX_PHONE = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String subject;

    @Column(name = "full_name")
    public String fullName;

    public String email;

    public String phone;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "target_group")
    public TargetGroup targetGroup;

    public String position;

    @Column(name = "civil_servant_id")
    public String civilServantId;

    /** 'vi' or 'en', the language of what the platform sends them; null (never said) is Vietnamese. */
    public String language;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** The person with this e-mail (case ignored), if exactly one has it. */
    public static Optional<Person> findByEmail(String email) {
        java.util.List<Person> found = list("lower(email) = lower(?1)", email);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The person with this phone number (normalised, see {@link VietnamesePhone}), if exactly one has it. */
    public static Optional<Person> findByPhone(String phone) {
        java.util.List<Person> found = list("phone", phone);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public static Optional<Person> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** The language to write to this person in (e-mail): Vietnamese unless they chose English. */
    public java.util.Locale writeIn() {
        return "en".equals(language) ? vn.hocso.web.Locales.ENGLISH : vn.hocso.web.Locales.VIETNAMESE;
    }

    /** The learner still has to say where they work and who they are before reports can count them. */
    public boolean isProfileComplete() {
        return unitId != null && targetGroup != null;
    }
}
