package vn.hocso.course;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The catalogue's categories, read once per process: only migrations write them (V4), and a new migration comes with
 * a new start of the application, so no page needs to ask the database for them again. They are the same for
 * everyone, and their entities are detached and only read.
 */
@ApplicationScoped
public class Categories {

    private volatile List<Category> inOrder;

    /** All categories by their position. */
    public List<Category> inOrder() {
        List<Category> known = inOrder;
        if (known == null) {
            known = List.copyOf(Category.listInOrder());
            inOrder = known;
        }
        return known;
    }
}
