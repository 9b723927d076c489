/**
 * Type-level checks of complete-resolvers.ts, run by `npm run typecheck`: leaving out a
 * resolver the schema needs must not compile. Never imported; nothing here runs.
 */
import type { CompleteResolvers } from './complete-resolvers';
import { Article } from './resolvers/article';
import { Place } from './resolvers/entity';
import { Query } from './resolvers/query';

const { id: _articleId, ...articleWithoutId } = Article;
// @ts-expect-error Article.id: the parent (a card or document) has no `id`.
export const _noArticleId: CompleteResolvers['Article'] = articleWithoutId;

const { country: _country, ...placeWithoutCountry } = Place;
// @ts-expect-error Place.country: the parent holds a slug where a Place is due.
export const _noPlaceCountry: CompleteResolvers['Place'] = placeWithoutCountry;

const { articles: _articles, ...queryWithoutArticles } = Query;
// @ts-expect-error Query.articles: the root has no values at all.
export const _noQueryArticles: CompleteResolvers['Query'] = queryWithoutArticles;
